/**
 * Airtable API metrics: HTTP client interceptors, rate-limit budget, cache API.
 */
@NullMarked
package com.pyairtable.observability.airtable;

import org.jspecify.annotations.NullMarked;
