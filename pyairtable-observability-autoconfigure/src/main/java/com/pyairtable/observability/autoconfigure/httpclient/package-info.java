/**
 * Auto-configuration of the bound on outbound HTTP client labels.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.httpclient;

import org.jspecify.annotations.NullMarked;
