package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.accountmap.AccountMap;
import io.github.nps4j.accountmap.Flag;
import io.github.nps4j.accountmap.MappedAccount;
import io.github.nps4j.accountmap.RoleCoverage;
import io.github.nps4j.accountmap.svg.SvgRenderer;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nps accounts}: the account map of every account — roles, coverage, NPS, category, risk flags. */
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = "Account maps: who promotes and who detracts per role, coverage, risk flags, revenue at risk.")
final class AccountsCommand implements Callable<Integer> {
    @Mixin
    Inputs inputs;

    @Mixin
    AsOf asOf;

    @Option(names = "--svg", paramLabel = "DIR",
            description = "Also write <account_id>.svg per account and portfolio.svg into DIR.")
    Path svg;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Portfolio p = inputs.load(spec.commandLine());
        AsOf.Day day = asOf.day(spec.commandLine(), p);
        AccountMap map = AccountMap.of(p, day.date());
        if (svg != null) {
            // Written before anything is printed: a folder that cannot be written fails the command with no output.
            int replaced = writeSvg(map, svg);
            if (replaced > 0) {
                spec.commandLine().getErr().println("nps: replaced " + replaced + " existing file(s) in " + svg);
                spec.commandLine().getErr().flush();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> Output.printJson(out, inputs.annotate(json(map)));
            case csv -> {
                Output.noteAsOf(spec.commandLine(), day);
                printCsv(out, map);
                inputs.printNotes(spec.commandLine().getErr());
            }
            default -> {
                printText(out, map, day);
                inputs.printNotes(out);
            }
        }

        return 0;
    }

    /**
     * Writes one SVG per account, {@code portfolio.svg} and {@code index.csv} (account id → file) into a folder.
     * File names are the ids made safe ({@link #fileNames}) and unique even where ids differ only in characters a
     * file name cannot hold ({@code A/1}, {@code A_1}) or in case. Each file is written to a temporary file first and
     * then moved into place, so a failed run leaves no half-written file, and a symbolic link in the folder is never
     * written through.
     *
     * @return how many existing files were replaced
     */
    static int writeSvg(AccountMap map, Path dir) {
        try {
            Files.createDirectories(dir);
            Map<String, String> names = fileNames(map.accounts().stream().map(MappedAccount::accountId).toList());
            List<String> all = new ArrayList<>(names.values());
            all.add("portfolio.svg");
            all.add("index.csv");
            for (String name : all) {
                if (Files.isSymbolicLink(dir.resolve(name))) {
                    throw new IllegalArgumentException(dir.resolve(name) + " is a symbolic link; nps does not write "
                            + "through links: remove it or choose another --svg folder");
                }
            }
            // rendered and written one at a time: memory does not grow with the number of accounts
            int replaced = 0;
            for (MappedAccount a : map.accounts()) {
                replaced += Output.writeAtomically(dir, names.get(a.accountId()), SvgRenderer.account(a));
            }
            replaced += Output.writeAtomically(dir, "portfolio.svg", SvgRenderer.portfolio(map));
            StringBuilder index = new StringBuilder(Output.csvLine(List.of("account_id", "file"))).append('\n');
            names.forEach((id, file) -> index.append(Output.csvLine(List.of(id, file))).append('\n'));
            replaced += Output.writeAtomically(dir, "index.csv", index.toString());
            return replaced;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write SVG files to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Gives every account id a file name: the id with characters other than letters, digits, {@code . _ -} replaced
     * by {@code _}, at most 80 characters, never starting with a dot, and unique ignoring case (a repeat gets
     * {@code -2}, {@code -3}, … before {@code .svg}); {@code portfolio.svg} and {@code index.csv} stay free.
     *
     * @param ids the account ids, in order
     * @return id → file name, in the same order
     */
    static Map<String, String> fileNames(List<String> ids) {
        java.util.Set<String> taken = new java.util.HashSet<>(List.of("portfolio.svg", "index.csv"));
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : ids) {
            String base = safeFileName(id);
            if (base.length() > 80) {
                base = base.substring(0, 80);
            }
            String name = base + ".svg";
            for (int k = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); k++) {
                name = base + "-" + k + ".svg";
            }
            out.put(id, name);
        }
        return out;
    }

    static String safeFileName(String id) {
        String s = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.startsWith(".") ? "_" + s : s;
    }

    static List<String> flagLabels(MappedAccount a) {
        return a.flags().stream().map(Flag::label).toList();
    }

    static ObjectNode json(AccountMap map) {
        ObjectNode root = Output.object();
        root.put("asOf", map.asOf().toString());
        ArrayNode accounts = root.putArray("accounts");
        for (MappedAccount a : map.accounts()) {
            ObjectNode n = accounts.addObject();
            n.put("account", a.accountId());
            n.put("name", a.account().name());
            n.put("tier", a.account().tier().name());
            if (a.account().owner().isPresent()) {
                n.put("owner", a.account().owner().get());
            } else {
                n.putNull("owner");
            }
            Output.put(n, "annualValue", a.account().annualValue());
            Output.put(n, "nps", a.nps());
            Output.put(n, "meanScore", a.meanScore());
            // the figure the category rule classifies (role-weighted mean or waterfall score)
            Output.put(n, "categoryScore", a.categoryScore());
            if (a.category().isPresent()) {
                n.put("category", a.category().get().label());
            } else {
                n.putNull("category");
            }
            ArrayNode flags = n.putArray("flags");
            flagLabels(a).forEach(flags::add);
            n.put("riskScore", a.riskScore());
            ObjectNode roles = n.putObject("roles");
            for (Map.Entry<Role, RoleCoverage> e : a.roles().entrySet()) {
                RoleCoverage c = e.getValue();
                ObjectNode r = roles.putObject(e.getKey().name());
                r.put("mapped", c.mapped());
                r.put("invited", c.invited());
                r.put("responded", c.responded());
                r.put("promoters", c.promoters());
                r.put("passives", c.passives());
                r.put("detractors", c.detractors());
            }
        }
        root.put("revenueAtRisk", map.revenueAtRisk().total());
        root.put("rule", map.revenueAtRisk().rule());
        root.put("categoryRule", map.options().categoryRule().description());
        root.put("categoryScore", map.options().categoryRule().scoreLabel());
        root.put("riskScoreRule", "flag and category severity × annual value: a ranking score, not money");
        return root;
    }

    private static void printText(PrintWriter out, AccountMap map, AsOf.Day day) {
        out.println("Account map " + day.describe() + ", accounts ranked by risk");
        out.println();
        String basis = map.options().categoryRule().scoreLabel();
        Output.Table t = new Output.Table(List.of("rank", "account", "name", "tier", "owner", "value", "NPS",
                basis, "category", "heard", "risk score", "flags"), true, false, false, false, false, true, true,
                true, false, true, true, false);
        int rank = 0;
        for (var entry : map.overview().ranking()) {
            MappedAccount a = map.account(entry.accountId()).orElseThrow();
            long mapped = a.roles().values().stream().mapToLong(RoleCoverage::mapped).sum();
            long responded = a.roles().values().stream().mapToLong(RoleCoverage::responded).sum();
            t.row(List.of(Integer.toString(++rank), a.accountId(), Output.clip(a.account().name(), 28),
                    a.account().tier().name(), a.account().owner().orElse("–"),
                    Output.money(a.account().annualValue()), Output.oneDecimal(a.nps()),
                    Output.categoryScore(a.categoryScore()), a.category().map(c -> c.label()).orElse("–"),
                    responded + "/" + mapped, Output.money(a.riskScore()),
                    String.join(", ", flagLabels(a))));
        }
        t.print(out);
        out.println();
        out.println("Revenue at risk: " + Output.money(map.revenueAtRisk().total()));
        out.println("  rule: " + map.revenueAtRisk().rule());
        out.println("Account category: " + map.options().categoryRule().description() + " (the " + basis
                + " column)");
        out.println("Risk score: flag and category severity × annual value — a ranking score, not money");
        out.flush();
    }

    /** Per-role coverage columns of the CSV, as the JSON's {@code roles} objects. */
    private static final List<String> COVERAGE = List.of("mapped", "invited", "responded", "promoters", "passives",
            "detractors");

    private static void printCsv(PrintWriter out, AccountMap map) {
        // the roles of any account, in the map's order (seniority first): one block of coverage columns each, as JSON
        java.util.LinkedHashSet<Role> roles = new java.util.LinkedHashSet<>();
        map.accounts().forEach(a -> roles.addAll(a.roles().keySet()));
        List<String> header = new ArrayList<>(List.of("account", "name", "tier", "owner", "annual_value", "nps",
                "mean_score", "category_score", "category", "flags", "risk_score"));
        for (Role role : roles) {
            for (String f : COVERAGE) {
                header.add(role.name() + ":" + f);
            }
        }
        out.println(Output.csvLine(header));
        for (MappedAccount a : map.accounts()) {
            List<String> row = new ArrayList<>();
            row.add(a.accountId());
            row.add(a.account().name());
            row.add(a.account().tier().name());
            row.add(a.account().owner().orElse(""));
            row.add(Output.plain(a.account().annualValue()));
            row.add(Output.plain(a.nps()));
            row.add(Output.plain(a.meanScore()));
            row.add(Output.plain(a.categoryScore()));
            row.add(a.category().map(c -> c.label()).orElse(""));
            row.add(String.join(";", flagLabels(a)));
            row.add(Double.toString(a.riskScore()));
            for (Role role : roles) {
                RoleCoverage c = a.roles().get(role);
                if (c == null) {
                    COVERAGE.forEach(f -> row.add("0"));
                } else {
                    for (long v : new long[] {c.mapped(), c.invited(), c.responded(), c.promoters(), c.passives(),
                        c.detractors()}) {
                        row.add(Long.toString(v));
                    }
                }
            }
            out.println(Output.csvLine(row));
        }
        out.flush();
    }
}
