/**
 * What the modules' tests share: the data-layer services they run against.
 */
@NullMarked
package com.pyairtable.observability.testsupport;

import org.jspecify.annotations.NullMarked;
