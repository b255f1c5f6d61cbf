/**
 * Numerical kernels behind {@code io.github.nps4j.drivers}: Householder least squares with refinement, weighted
 * moments, the Gray-code sweep for exact LMG, ranks. Not exported; not API.
 */
@NullMarked
package io.github.nps4j.drivers.internal;

import org.jspecify.annotations.NullMarked;
