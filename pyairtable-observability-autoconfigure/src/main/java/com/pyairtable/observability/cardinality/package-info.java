/**
 * Cardinality guard shared by the business metric binders: bounded, sanitised tag values.
 */
@NullMarked
package com.pyairtable.observability.cardinality;

import org.jspecify.annotations.NullMarked;
