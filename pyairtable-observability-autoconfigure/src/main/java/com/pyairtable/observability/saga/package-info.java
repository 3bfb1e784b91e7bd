/**
 * SAGA execution with steps and compensations, observed as Micrometer Observations.
 */
@NullMarked
package com.pyairtable.observability.saga;

import org.jspecify.annotations.NullMarked;
