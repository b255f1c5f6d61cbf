/**
 * Implementation details shared by the columnar and streaming scorers: cell counting and the weighing of counted
 * cells; the reader's response columns and their codes ({@link io.github.nps4j.core.internal.ResponseCodes}). Not
 * API: exported only to {@code io.github.nps4j.accountmap}, whose account map, follow-up queue and survey planner walk
 * a portfolio's responses by code, and to {@code io.github.nps4j.drivers}, whose driver tables take the rating columns
 * and scores as they are.
 */
@NullMarked
package io.github.nps4j.core.internal;

import org.jspecify.annotations.NullMarked;
