/**
 * Implementation details shared by the columnar and streaming scorers: cell counting and the weighing of counted
 * cells. Not exported; not API.
 */
@NullMarked
package io.github.nps4j.core.internal;

import org.jspecify.annotations.NullMarked;
