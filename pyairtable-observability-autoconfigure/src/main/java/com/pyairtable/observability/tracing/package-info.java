/**
 * Cost-aware sampling, tail keeping of failed and slow traces, and span export metrics.
 */
@NullMarked
package com.pyairtable.observability.tracing;

import org.jspecify.annotations.NullMarked;
