/**
 * Auto-configuration of the OTLP push of metrics and logs.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.otlp;

import org.jspecify.annotations.NullMarked;
