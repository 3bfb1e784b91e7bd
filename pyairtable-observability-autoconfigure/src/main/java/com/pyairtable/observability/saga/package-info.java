/**
 * SAGA execution with steps and compensations, observed as Micrometer Observations, and
 * the stuck-sagas health check.
 */
@NullMarked
package com.pyairtable.observability.saga;

import org.jspecify.annotations.NullMarked;
