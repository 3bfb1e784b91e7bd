/**
 * OTLP export of log events: the appender's installation, and the platform's fields and
 * redaction on every exported record.
 */
@NullMarked
package com.pyairtable.observability.logging.otlp;

import org.jspecify.annotations.NullMarked;
