package io.github.nps4j.examples;

import io.github.nps4j.core.Contact;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Tier;
import io.github.nps4j.core.csv.ColumnMapping;
import io.github.nps4j.core.csv.PortfolioReader;
import io.github.nps4j.core.csv.ReadOptions;
import io.github.nps4j.core.csv.ReadResult;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports a German Excel export ({@code ;}, Windows-1252, {@code dd.MM.yyyy}, {@code 1.200.000,50}, German role
 * words) with one {@link ReadOptions}, then scores a CRM plugin's own objects by role without a {@code withRoles()}
 * step.
 */
public final class ImportExample {
    private ImportExample() {
    }

    /**
     * Runs the example.
     *
     * @param args the folder of {@code responses.csv} and {@code accounts.csv} (default
     *        {@code examples/data/imports/european})
     */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "examples/data/imports/european");
        Path responses = dir.resolve("responses.csv");
        Path accounts = dir.resolve("accounts.csv");
        // README:import:begin
        ReadOptions options = ReadOptions.builder()
                .charset(Charset.forName("windows-1252"))
                .dateFormats(List.of("dd.MM.yyyy"))
                .numberLocale(Locale.GERMANY)
                .columnMapping(ColumnMapping.parse("accounts.account_id=Kunde"))
                .roleAliases(Map.of("Entscheider", Role.DECISION_MAKER, "Anwender", Role.USER,
                        "Einkauf", Role.GATEKEEPER, "Beeinflusser", Role.INFLUENCER))
                .tierAliases(Map.of("Value-Added Reseller (VAR)", Tier.DISTRIBUTOR))
                .build();
        ReadResult read = PortfolioReader.of(options).read(responses, accounts, null, null);
        read.report().messages().forEach(m -> System.out.println("note: " + m)); // blank scores, unknown roles
        System.out.println(read.portfolio().responses().size() + " answers, first account's value "
                + read.portfolio().accounts().get(0).annualValue().getAsDouble());

        // a CRM plugin's own objects: the account and role come from the contact, the time from a UTC instant
        Contact contact = Contact.of("003X", "001A", Role.DECISION_MAKER);
        Response r = Response.builder("R1", contact)
                .answeredAt(Instant.parse("2026-03-14T23:30:00Z"), ZoneId.of("Europe/Berlin"))
                .score(9).build();
        GroupedNps byRole = NpsScorer.of(ScoringSpec.builder().groupBy(GroupField.ROLE).build(), List.of(),
                List.of(contact)).score(List.of(r, Response.builder("R2", "001A", "003X")
                        .answeredAt(Instant.parse("2026-03-15T08:00:00Z"), ZoneId.of("Europe/Berlin"))
                        .score(6).build()));   // no role given: the contact's role is used
        byRole.groups().forEach(g -> System.out.println(g.key().role().orElseThrow() + " NPS "
                + g.estimate().npsValue() + ", answered on " + r.answeredOn()));
        // README:import:end
    }
}
