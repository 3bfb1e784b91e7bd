/**
 * Sentry events carrying the platform's correlation and identity, with secrets redacted.
 */
@NullMarked
package com.pyairtable.observability.sentry;

import org.jspecify.annotations.NullMarked;
