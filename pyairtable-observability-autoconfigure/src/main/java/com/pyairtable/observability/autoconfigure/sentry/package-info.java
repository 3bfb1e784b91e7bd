/**
 * Auto-configuration of the Sentry integration.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.sentry;

import org.jspecify.annotations.NullMarked;
