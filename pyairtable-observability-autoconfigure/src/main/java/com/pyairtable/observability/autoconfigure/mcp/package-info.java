/**
 * Auto-configuration of the mcp metrics.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.mcp;

import org.jspecify.annotations.NullMarked;
