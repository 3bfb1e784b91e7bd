/**
 * Auto-configuration of JSON logs, request ids, secret redaction and the OTLP export of
 * logs.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.logging;

import org.jspecify.annotations.NullMarked;
