/**
 * Database queries: the metrics and span conventions over datasource-micrometer's JDBC
 * observations.
 */
@NullMarked
package com.pyairtable.observability.database;

import org.jspecify.annotations.NullMarked;
