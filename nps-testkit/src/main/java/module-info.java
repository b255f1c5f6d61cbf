/**
 * nps4j testkit: fixtures for tests of applications that use nps4j — jqwik arbitraries, one-line response builders, a
 * JUnit 5 extension that injects seeded synthetic portfolios ({@code io.github.nps4j.synthetic}, required transitively)
 * and assertions for estimates.
 *
 * <p>Like {@code junit-platform-testkit} and {@code micrometer-test}, it depends on its test libraries (JUnit Jupiter
 * API, jqwik) at compile scope; add the testkit itself with {@code <scope>test</scope>}.
 *
 * @since 0.1.0
 */
module io.github.nps4j.testkit {
    requires static transitive org.jspecify;
    requires transitive io.github.nps4j.core;
    requires transitive io.github.nps4j.synthetic;
    requires transitive org.junit.jupiter.api;
    requires transitive net.jqwik.api;

    exports io.github.nps4j.testkit;
}
