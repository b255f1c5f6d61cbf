/**
 * nps4j synthetic data: seeded synthetic B2B portfolios with a known truth and the CSV writer for them. Depends on the
 * core only — no test libraries — so the {@code nps} command line can ship it and the testkit can build on it.
 *
 * @since 0.1.0
 */
module io.github.nps4j.synthetic {
    requires static transitive org.jspecify;
    requires transitive io.github.nps4j.core;

    exports io.github.nps4j.synthetic;
}
