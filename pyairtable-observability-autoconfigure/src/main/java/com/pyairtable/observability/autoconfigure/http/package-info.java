/**
 * Wiring of the HTTP server feature: exchange sizes, management request filtering and the
 * platform's compatibility paths.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.http;

import org.jspecify.annotations.NullMarked;
