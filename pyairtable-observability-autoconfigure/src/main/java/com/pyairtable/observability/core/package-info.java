/**
 * Service identity, HTTP exchange metrics and the platform's compatibility paths.
 */
@NullMarked
package com.pyairtable.observability.core;

import org.jspecify.annotations.NullMarked;
