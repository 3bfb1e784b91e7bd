/**
 * Auto-configuration of the llm metrics.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.llm;

import org.jspecify.annotations.NullMarked;
