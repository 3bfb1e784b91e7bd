/**
 * Airtable API metrics: HTTP client interceptors, rate-limit budget, cache API, and the
 * rate-limit health check.
 */
@NullMarked
package com.pyairtable.observability.airtable;

import org.jspecify.annotations.NullMarked;
