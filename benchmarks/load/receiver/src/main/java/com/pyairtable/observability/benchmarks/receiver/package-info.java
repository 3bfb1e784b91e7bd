/**
 * A loopback OTLP receiver that counts the spans the load benchmark's variants export.
 */
package com.pyairtable.observability.benchmarks.receiver;
