package io.github.nps4j.core.stats;

/**
 * A Dirichlet prior α = (α<sub>D</sub>, α<sub>A</sub>, α<sub>P</sub>) on the shares of detractors, passives and
 * promoters. Its strength Σα acts as that many pseudo-answers; its mean NPS is 100·(α<sub>P</sub> −
 * α<sub>D</sub>)/Σα.
 *
 * <p>Example usage:
 * <pre>{@code
 * DirichletPrior flat = DirichletPrior.uniform();               // (1, 1, 1)
 * DirichletPrior portfolio = EmpiricalBayes.fit(counts).alpha(); // fitted across accounts
 * }</pre>
 *
 * <p>A value-based, immutable record.
 *
 * @param detractor α<sub>D</sub> &gt; 0
 * @param passive α<sub>A</sub> &gt; 0
 * @param promoter α<sub>P</sub> &gt; 0
 * @since 0.1.0
 */
public record DirichletPrior(double detractor, double passive, double promoter) {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if a parameter is not a finite number &gt; 0
     */
    public DirichletPrior {
        for (double a : new double[] {detractor, passive, promoter}) {
            if (!(a > 0) || a == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("Dirichlet prior (" + detractor + ", " + passive + ", " + promoter
                        + "): every parameter must be a finite number > 0");
            }
        }
    }

    /**
     * Returns the prior with the given parameters.
     *
     * @param detractor α<sub>D</sub> &gt; 0
     * @param passive α<sub>A</sub> &gt; 0
     * @param promoter α<sub>P</sub> &gt; 0
     * @return the prior
     * @throws IllegalArgumentException if a parameter is not a finite number &gt; 0
     */
    public static DirichletPrior of(double detractor, double passive, double promoter) {
        return new DirichletPrior(detractor, passive, promoter);
    }

    /**
     * Returns the flat prior (1, 1, 1).
     *
     * @return the uniform prior
     */
    public static DirichletPrior uniform() {
        return new DirichletPrior(1, 1, 1);
    }

    /**
     * Returns the Jeffreys prior (½, ½, ½).
     *
     * @return the Jeffreys prior
     */
    public static DirichletPrior jeffreys() {
        return new DirichletPrior(0.5, 0.5, 0.5);
    }

    /**
     * Returns the prior (0.75, 1.5, 0.75) whose posterior mean is the adjusted-Wald NPS of Rocks (2016).
     *
     * @return the prior
     */
    public static DirichletPrior rocks() {
        return new DirichletPrior(0.75, 1.5, 0.75);
    }

    /**
     * Returns the strength Σα (the number of pseudo-answers).
     *
     * @return α<sub>D</sub> + α<sub>A</sub> + α<sub>P</sub>
     */
    public double strength() {
        return detractor + passive + promoter;
    }

    /**
     * Returns the prior mean NPS.
     *
     * @return 100·(α<sub>P</sub> − α<sub>D</sub>)/Σα, NPS points
     */
    public double meanNps() {
        return 100 * (promoter - detractor) / strength();
    }

    /**
     * Returns a prior with the same mean shares and another strength.
     *
     * @param strength the new Σα, finite and &gt; 0
     * @return the rescaled prior
     * @throws IllegalArgumentException if the strength is not a finite number &gt; 0
     */
    public DirichletPrior withStrength(double strength) {
        if (!(strength > 0) || strength == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("strength " + strength + " must be a finite number > 0");
        }
        double k = strength / strength();
        return new DirichletPrior(detractor * k, passive * k, promoter * k);
    }
}
