/**
 * OTLP export of log events: the appender's installation, and the platform's fields and
 * redaction on every exported record.
 */
@NullMarked
package com.pyairtable.observability.otlp;

import org.jspecify.annotations.NullMarked;
