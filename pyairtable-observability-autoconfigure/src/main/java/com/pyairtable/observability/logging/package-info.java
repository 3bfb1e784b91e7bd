/**
 * Correlated JSON logs, request ids, business context and secret redaction.
 */
@NullMarked
package com.pyairtable.observability.logging;

import org.jspecify.annotations.NullMarked;
