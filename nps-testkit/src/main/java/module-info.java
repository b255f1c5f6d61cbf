/**
 * nps4j testkit: fixtures for tests of applications that use nps4j — jqwik arbitraries, one-line response builders, a
 * JUnit 5 extension that injects seeded synthetic portfolios ({@code io.github.nps4j.synthetic}, required transitively)
 * and assertions for estimates.
 *
 * <p>JUnit Jupiter and jqwik are the host's: the testkit's Maven dependencies on them are {@code provided}, so it
 * never brings its own versions onto a host's test class path. It uses only APIs present in JUnit Jupiter 5.10 and
 * jqwik 1.9 and works with JUnit 5.10 to 6.x and jqwik 1.9 to 1.10. jqwik is read {@code static}: a module-path host
 * that uses only the extension and the assertions does not need it. Add the testkit itself with
 * {@code <scope>test</scope>}.
 *
 * @since 0.1.0
 */
module io.github.nps4j.testkit {
    requires static transitive org.jspecify;
    requires transitive io.github.nps4j.core;
    requires transitive io.github.nps4j.synthetic;
    requires transitive org.junit.jupiter.api;
    requires static transitive net.jqwik.api;

    exports io.github.nps4j.testkit;
}
