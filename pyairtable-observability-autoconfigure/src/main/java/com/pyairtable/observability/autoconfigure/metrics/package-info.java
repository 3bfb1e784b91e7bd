/**
 * Auto-configuration of the OTLP push of metrics, on top of Spring Boot's OTLP meter
 * registry.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
