/**
 * Auto-configuration of the tracing policy on top of Spring Boot's OpenTelemetry tracing.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.tracing;

import org.jspecify.annotations.NullMarked;
