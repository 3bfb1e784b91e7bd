/**
 * What the modules' tests share: the data-layer services they run against, an OTLP
 * collector, a Sentry stand-in, a web application to drive and the reliability figures.
 */
@NullMarked
package com.pyairtable.observability.testsupport;

import org.jspecify.annotations.NullMarked;
