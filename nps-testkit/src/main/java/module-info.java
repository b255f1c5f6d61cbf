/**
 * nps4j testkit: fixtures for tests of applications that use nps4j — seeded synthetic portfolios with a known truth,
 * jqwik arbitraries, one-line response builders, a JUnit 5 extension and assertions for estimates.
 *
 * <p>Like {@code junit-platform-testkit} and {@code micrometer-test}, it depends on its test libraries (JUnit Jupiter
 * API, jqwik) at compile scope; add the testkit itself with {@code <scope>test</scope>}.
 *
 * @since 0.1.0
 */
module io.github.nps4j.testkit {
    requires static transitive org.jspecify;
    requires transitive io.github.nps4j.core;
    requires transitive org.junit.jupiter.api;
    requires transitive net.jqwik.api;

    exports io.github.nps4j.testkit;
}
