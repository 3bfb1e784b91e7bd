/**
 * The service identity that labels every meter, span, log line and Sentry event.
 */
@NullMarked
package com.pyairtable.observability.core;

import org.jspecify.annotations.NullMarked;
