package io.github.nps4j.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same settings, same data, same bytes. */
class DeterminismTest {

    @Test
    void sameSeedGivesEqualLists() {
        SyntheticPortfolio a = SyntheticPortfolio.builder().seed(42).build();
        SyntheticPortfolio b = SyntheticPortfolio.builder().seed(42).build();
        assertEquals(a.accounts(), b.accounts());
        assertEquals(a.contacts(), b.contacts());
        assertEquals(a.responses(), b.responses());
        assertEquals(a.invitations(), b.invitations());
        assertEquals(a.truth(), b.truth());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void oneBuilderBuildsEqualPortfoliosRepeatedly() {
        SyntheticPortfolio.Builder builder = SyntheticPortfolio.builder().seed(7).accounts(25);
        assertEquals(builder.build(), builder.build());
    }

    @Test
    void differentSeedsGiveDifferentData() {
        SyntheticPortfolio a = SyntheticPortfolio.ofSeed(1);
        SyntheticPortfolio b = SyntheticPortfolio.ofSeed(2);
        assertNotEquals(a.responses(), b.responses());
        assertNotEquals(a.contacts().size() + ":" + a.responses().size(),
                b.contacts().size() + ":" + b.responses().size());
    }

    @Test
    void sameArgumentsWriteIdenticalBytes(@TempDir Path tmp) throws IOException {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        SyntheticPortfolio.builder().seed(42).accounts(60).build().writeFiles(first);
        SyntheticPortfolio.builder().seed(42).accounts(60).build().writeFiles(second);
        for (String f : List.of("accounts.csv", "contacts.csv", "responses.csv", "invitations.csv", "truth.json")) {
            assertArrayEquals(Files.readAllBytes(first.resolve(f)), Files.readAllBytes(second.resolve(f)), f);
        }
        try (var files = Files.list(first)) {
            assertEquals(5, files.count());
        }
    }

    @Test
    void customThemesAndAttributesAreUsed() {
        SyntheticPortfolio p = SyntheticPortfolio.builder().seed(8).accounts(20).withoutAttributes()
                .attribute("speed", 1.2).attribute("color", 0.1)
                .commentTheme("speed", List.of("Too slow."), List.of("Lightning fast."))
                .commentRate(1).hostileText(false).build();
        assertEquals(List.of("speed", "color"), p.truth().topAttributes());
        assertEquals(java.util.Set.of("color", "speed"), p.truth().commentThemes().keySet());
        org.junit.jupiter.api.Assertions.assertTrue(p.responses().stream()
                .anyMatch(r -> r.comment().equals(java.util.Optional.of("Lightning fast."))));
        org.junit.jupiter.api.Assertions.assertTrue(p.responses().stream()
                .anyMatch(r -> r.comment().equals(java.util.Optional.of("Not happy with color."))
                        || r.comment().equals(java.util.Optional.of("Very happy with color."))
                        || r.comment().equals(java.util.Optional.of("Mostly fine. Not happy with color."))));
        org.junit.jupiter.api.Assertions.assertTrue(p.truth().hostileCommentResponseIds().isEmpty());
    }

    @Test
    void otherKnobsDoNotDisturbTheAccountStructure() {
        // the phases draw from independent streams: changing the response rate keeps accounts and contacts
        SyntheticPortfolio a = SyntheticPortfolio.builder().seed(5).build();
        SyntheticPortfolio b = SyntheticPortfolio.builder().seed(5).responseRate(0.6).build();
        assertEquals(a.accounts(), b.accounts());
        assertEquals(a.contacts(), b.contacts());
        assertNotEquals(a.responses().size(), b.responses().size());
    }
}
