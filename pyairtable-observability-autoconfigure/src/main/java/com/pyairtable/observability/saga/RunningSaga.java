package com.pyairtable.observability.saga;

import java.time.Instant;

/**
 * A saga that has begun and not yet ended.
 *
 * @param id the execution id
 * @param name the saga name
 * @param startedAt when it began
 */
public record RunningSaga(String id, String name, Instant startedAt) {
}
