/**
 * HTTP server metrics: SLO buckets, request and response sizes, management requests kept
 * out of metrics and traces, and the platform's compatibility paths.
 */
@NullMarked
package com.pyairtable.observability.http;

import org.jspecify.annotations.NullMarked;
