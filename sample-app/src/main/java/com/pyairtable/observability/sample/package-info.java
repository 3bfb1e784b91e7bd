/**
 * A simulated PyAirtable service built on the starter, with fake Airtable and LLM APIs
 * and its own traffic.
 */
@NullMarked
package com.pyairtable.observability.sample;

import org.jspecify.annotations.NullMarked;
