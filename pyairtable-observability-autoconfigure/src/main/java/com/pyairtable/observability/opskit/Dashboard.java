package com.pyairtable.observability.opskit;

import java.util.List;

/**
 * A Grafana dashboard of the kit: time-series panels over Prometheus queries.
 *
 * @param uid the dashboard's uid, also its file name
 * @param title the dashboard's title
 * @param panels the panels
 */
public record Dashboard(String uid, String title, List<Panel> panels) {

	/**
	 * A time-series panel.
	 *
	 * @param title the panel title
	 * @param unit the Grafana unit, such as {@code s}, {@code reqps} or
	 * {@code percentunit}
	 * @param latency whether the panel shows latency, so its queries carry exemplars
	 * @param queries the queries, using {@code $service} and {@code $__rate_interval}
	 */
	public record Panel(String title, String unit, boolean latency, List<Query> queries) {

	}

	/**
	 * A Prometheus query of a panel.
	 *
	 * @param expr the PromQL expression
	 * @param legend the legend format
	 */
	public record Query(String expr, String legend) {

	}

}
