/**
 * Outbound HTTP: bounds the labels of Spring's {@code http.client.requests}.
 */
@NullMarked
package com.pyairtable.observability.httpclient;

import org.jspecify.annotations.NullMarked;
