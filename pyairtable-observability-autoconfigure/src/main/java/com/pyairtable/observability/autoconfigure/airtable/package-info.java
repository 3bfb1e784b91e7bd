/**
 * Auto-configuration of the airtable metrics.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.airtable;

import org.jspecify.annotations.NullMarked;
