/**
 * The operations kit: Prometheus alert, SLO and recording rules, promtool tests, Grafana
 * dashboards and the monitoring stack's configuration, generated from the service's own
 * settings.
 */
@NullMarked
package com.pyairtable.observability.opskit;

import org.jspecify.annotations.NullMarked;
