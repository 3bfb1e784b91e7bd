/**
 * Auto-configuration of the operations kit: properties, the {@code opskit} actuator
 * endpoint and the {@code write-to} runner.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.opskit;

import org.jspecify.annotations.NullMarked;
