/**
 * Auto-configuration of the database query metrics and spans.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.database;

import org.jspecify.annotations.NullMarked;
