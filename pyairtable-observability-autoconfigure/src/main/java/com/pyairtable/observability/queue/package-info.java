/**
 * Queue metrics: a typed API, task executors and messaging observations.
 */
@NullMarked
package com.pyairtable.observability.queue;

import org.jspecify.annotations.NullMarked;
