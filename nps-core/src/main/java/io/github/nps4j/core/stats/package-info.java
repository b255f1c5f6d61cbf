/**
 * Uncertainty for Net Promoter figures: confidence intervals, account-clustered standard errors, two-group tests,
 * trends, bootstrap and Bayesian (Dirichlet) estimates.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.nps4j.core.stats;

import org.jspecify.annotations.NullMarked;
