package io.github.nps4j.benchmarks;

import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.stats.ConfidenceIntervals;
import io.github.nps4j.core.stats.Interval;
import io.github.nps4j.core.stats.IntervalMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Exact coverage of the NPS intervals by enumeration (no simulation): for n answers and true category probabilities
 * (p<sub>D</sub>, p<sub>A</sub>, p<sub>P</sub>), the coverage is the multinomial probability of the outcomes
 * (d, a, p), d + a + p = n, whose interval contains the true NPS 100·(p<sub>P</sub> − p<sub>D</sub>). The grid is every
 * point of the probability simplex at step 1/40 with all three probabilities at least 0.025
 * (p<sub>D</sub> = i/40, p<sub>P</sub> = j/40, p<sub>A</sub> = k/40, i, j, k ≥ 1, i + j + k = 40): C(39, 2) = 741
 * points. Reported per n: the minimum and the mean coverage over the grid.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.nps4j.benchmarks.ExactCoverage [nFrom nTo [level]]</pre>
 */
public final class ExactCoverage {
    /** The grid's step is 1/{@value}. */
    static final int STEPS = 40;

    private ExactCoverage() {
    }

    /**
     * One row of the table: method, n, minimum and mean coverage over the grid.
     *
     * @param method the interval method
     * @param n answers
     * @param minimum the smallest coverage over the grid, in [0, 1]
     * @param mean the mean coverage over the grid, in [0, 1]
     */
    record Row(IntervalMethod method, int n, double minimum, double mean) {
    }

    /**
     * Returns the grid of (p<sub>D</sub>, p<sub>P</sub>): 741 points at step 1/40, every probability ≥ 0.025.
     *
     * @return the grid
     */
    static List<double[]> grid() {
        List<double[]> g = new ArrayList<>();
        for (int i = 1; i < STEPS; i++) {
            for (int j = 1; i + j < STEPS; j++) {
                g.add(new double[] {(double) i / STEPS, (double) j / STEPS});
            }
        }
        return g;
    }

    /**
     * Computes the exact coverage of a method at n answers over the grid.
     *
     * @param method wald, adjusted-wald or score
     * @param n answers, at least 1
     * @param level confidence level
     * @return the row
     */
    static Row coverage(IntervalMethod method, int n, double level) {
        List<int[]> outcomes = new ArrayList<>();
        List<Interval> intervals = new ArrayList<>();
        for (int d = 0; d <= n; d++) {
            for (int a = 0; d + a <= n; a++) {
                int p = n - d - a;
                outcomes.add(new int[] {d, a, p});
                intervals.add(ConfidenceIntervals.of(NpsEstimate.ofCounts(d, a, p), method, level).orElseThrow());
            }
        }
        double[] logFactorial = new double[n + 1];
        for (int k = 1; k <= n; k++) {
            logFactorial[k] = logFactorial[k - 1] + Math.log(k);
        }
        double min = 1;
        double sum = 0;
        List<double[]> grid = grid();
        for (double[] point : grid) {
            double pd = point[0];
            double pp = point[1];
            double pa = 1 - pd - pp;
            double truth = 100 * (pp - pd);
            double covered = 0;
            for (int k = 0; k < outcomes.size(); k++) {
                if (intervals.get(k).contains(truth)) {
                    int[] o = outcomes.get(k);
                    covered += Math.exp(logFactorial[n] - logFactorial[o[0]] - logFactorial[o[1]] - logFactorial[o[2]]
                            + o[0] * Math.log(pd) + o[1] * Math.log(pa) + o[2] * Math.log(pp));
                }
            }
            min = Math.min(min, covered);
            sum += covered;
        }
        return new Row(method, n, min, sum / grid.size());
    }

    /**
     * Prints the table (Markdown) for n from {@code args[0]} to {@code args[1]} (default 5..10) at level
     * {@code args[2]} (default 0.95).
     *
     * @param args optional nFrom, nTo, level
     */
    public static void main(String[] args) {
        int from = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int to = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        double level = args.length > 2 ? Double.parseDouble(args[2]) : 0.95;
        List<IntervalMethod> methods = List.of(IntervalMethod.SCORE, IntervalMethod.ADJUSTED_WALD, IntervalMethod.WALD);
        StringBuilder head = new StringBuilder("| n |");
        StringBuilder rule = new StringBuilder("|---|");
        for (IntervalMethod m : methods) {
            head.append(' ').append(m.label()).append(" min | mean |");
            rule.append("---|---|");
        }
        System.out.println("Exact coverage of " + Math.round(level * 100) + " % intervals over " + grid().size()
                + " (p_D, p_P) points (step 1/" + STEPS + ", every probability >= 0.025)");
        System.out.println(head);
        System.out.println(rule);
        for (int n = from; n <= to; n++) {
            StringBuilder line = new StringBuilder("| " + n + " |");
            for (IntervalMethod m : methods) {
                Row r = coverage(m, n, level);
                line.append(String.format(Locale.ROOT, " %.1f %% | %.1f %% |", 100 * r.minimum(), 100 * r.mean()));
            }
            System.out.println(line);
        }
    }
}
