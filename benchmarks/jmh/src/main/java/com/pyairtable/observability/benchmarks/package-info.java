/**
 * JMH benchmarks of the starter's hot paths (metrics, redaction, sampling, logging), and
 * the footprint of the tail buffer.
 */
@NullMarked
package com.pyairtable.observability.benchmarks;

import org.jspecify.annotations.NullMarked;
