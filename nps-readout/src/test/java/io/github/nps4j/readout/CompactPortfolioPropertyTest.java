package io.github.nps4j.readout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nps4j.accountmap.AccountMap;
import io.github.nps4j.accountmap.MappedAccount;
import io.github.nps4j.accountmap.followup.FollowUpQueue;
import io.github.nps4j.accountmap.planner.SurveyPlanner;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.csv.PortfolioReader;
import io.github.nps4j.drivers.DriverData;
import io.github.nps4j.synthetic.PortfolioCsvWriter;
import io.github.nps4j.synthetic.SyntheticPortfolio;
import io.github.nps4j.testkit.NpsArbitraries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A portfolio read from CSV holds its responses as columns; the same responses as a list of objects must give the
 * same account map, follow-up queue, survey plan, driver data and readout, on random and on seeded synthetic
 * portfolios.
 */
class CompactPortfolioPropertyTest {

    @Property(tries = 60)
    void randomPortfoliosGiveTheSameResults(@ForAll("portfolios") Portfolio original) {
        assertSameResults(readBack(original), false);
    }

    @Property(tries = 8)
    void syntheticPortfoliosGiveTheSameResults(@ForAll("synthetic") SyntheticPortfolio synthetic) {
        assertSameResults(readBack(synthetic.portfolio()), true);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Portfolio> portfolios() {
        return NpsArbitraries.portfolios();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<SyntheticPortfolio> synthetic() {
        return NpsArbitraries.syntheticPortfolios();
    }

    private static Portfolio readBack(Portfolio original) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("nps4j-compact");
            PortfolioCsvWriter.write(original, dir);
            Path invitations = dir.resolve(PortfolioCsvWriter.INVITATIONS_FILE);
            return PortfolioReader.builder().build().read(dir.resolve(PortfolioCsvWriter.RESPONSES_FILE),
                    dir.resolve(PortfolioCsvWriter.ACCOUNTS_FILE), dir.resolve(PortfolioCsvWriter.CONTACTS_FILE),
                    Files.exists(invitations) ? invitations : null).portfolio();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSameResults(Portfolio columns, boolean readout) {
        Portfolio objects = Portfolio.of(columns.accounts(), columns.contacts(), new ArrayList<>(columns.responses()),
                columns.invitations());
        assertEquals(objects, columns);
        LocalDate asOf = columns.latestAnswerDate().orElse(LocalDate.of(2026, 1, 1));
        assertEquals(objects.latestAnswerDate(), columns.latestAnswerDate());
        for (int days : new int[] {1, 30, 90, 400}) {
            io.github.nps4j.core.DateWindow w = io.github.nps4j.core.DateWindow.lastDays(asOf, days);
            assertEquals(objects.responsesAnsweredIn(w), columns.responsesAnsweredIn(w));
            assertEquals(objects.responsesAnsweredIn(w.previous()), columns.responsesAnsweredIn(w.previous()));
        }
        AccountMap map = AccountMap.of(columns, asOf);
        assertEquals(AccountMap.of(objects, asOf), map);
        for (MappedAccount a : map.accounts()) {
            assertEquals(map.accounts().stream().filter(m -> m.accountId().equals(a.accountId())).findFirst(),
                    map.account(a.accountId()));
        }
        assertEquals(FollowUpQueue.of(objects, asOf), FollowUpQueue.of(columns, asOf));
        SurveyPlanner planner = SurveyPlanner.builder().build();
        assertEquals(planner.plan(objects, asOf.plusDays(1)), planner.plan(columns, asOf.plusDays(1)));
        if (columns.responses().stream().anyMatch(r -> !r.ratings().isEmpty())) {
            DriverData a = DriverData.fromResponses(objects.responses());
            DriverData b = DriverData.fromResponses(columns.responses());
            assertEquals(a.attributeNames(), b.attributeNames());
            for (int i = 0; i < a.rowCount(); i++) {
                assertEquals(a.outcome(i), b.outcome(i));
                for (int j = 0; j < a.attributeNames().size(); j++) {
                    assertEquals(a.value(i, j), b.value(i, j));
                }
            }
        }
        if (readout) {
            assertEquals(PortfolioReadout.of(objects, ReadoutOptions.asOf(asOf)),
                    PortfolioReadout.of(columns, ReadoutOptions.asOf(asOf)));
        }
    }
}
