/**
 * The generated reference pages of {@code docs/reference} and the tests that keep them in
 * step with the code.
 */
@NullMarked
package com.pyairtable.observability.reference;

import org.jspecify.annotations.NullMarked;
