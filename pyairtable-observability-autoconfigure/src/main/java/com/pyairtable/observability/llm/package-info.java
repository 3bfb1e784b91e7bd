/**
 * LLM call metrics: requests, durations, tokens, cost and sessions.
 */
@NullMarked
package com.pyairtable.observability.llm;

import org.jspecify.annotations.NullMarked;
