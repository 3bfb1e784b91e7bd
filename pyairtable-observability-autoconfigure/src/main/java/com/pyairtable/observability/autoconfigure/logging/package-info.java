/**
 * Auto-configuration of JSON logs, request ids and secret redaction.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.logging;

import org.jspecify.annotations.NullMarked;
