/**
 * Auto-configuration of the queue metrics.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.queue;

import org.jspecify.annotations.NullMarked;
