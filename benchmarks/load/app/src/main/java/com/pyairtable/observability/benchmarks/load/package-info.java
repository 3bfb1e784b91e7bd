/**
 * The load benchmark's service, built in one variant per way of observing it.
 */
package com.pyairtable.observability.benchmarks.load;
