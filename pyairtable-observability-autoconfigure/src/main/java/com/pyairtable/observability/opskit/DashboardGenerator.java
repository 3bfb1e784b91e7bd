package com.pyairtable.observability.opskit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the kit's dashboards as Grafana JSON ({@code grafana/dashboards/<uid>.json})
 * with {@code datasource} and {@code service} template variables; latency queries ask for
 * exemplars, which the Prometheus data source links to Tempo.
 */
public final class DashboardGenerator {

	private static final Map<String, Object> DATASOURCE = Maps.of("type", "prometheus", "uid", "${datasource}");

	/**
	 * Generates the dashboard files.
	 * @param settings the kit settings
	 * @return file path in the kit to content
	 */
	public Map<String, String> generate(OpsKitSettings settings) {
		Map<String, String> files = new LinkedHashMap<>();
		for (Dashboard dashboard : DashboardCatalog.dashboards(settings)) {
			files.put("grafana/dashboards/" + dashboard.uid() + ".json", KitJson.dump(json(dashboard)));
		}
		return files;
	}

	private Map<String, Object> json(Dashboard dashboard) {
		List<Object> panels = new ArrayList<>();
		for (int i = 0; i < dashboard.panels().size(); i++) {
			panels.add(panel(i, dashboard.panels().get(i)));
		}
		Map<String, Object> datasourceVariable = Maps.of("name", "datasource", "label", "Data source", "type",
				"datasource", "query", "prometheus", "hide", 0, "current", Map.of());
		Map<String, Object> serviceVariable = Maps.of("name", "service", "label", "Service", "type", "query",
				"datasource", DATASOURCE, "query",
				Maps.of("query", "label_values(up, service)", "refId", "PrometheusVariableQueryEditor-VariableQuery"),
				"definition", "label_values(up, service)", "includeAll", true, "multi", true, "allValue", ".+",
				"refresh", 2, "current", Maps.of("text", "All", "value", "$__all"));
		return Maps.of("uid", dashboard.uid(), "title", dashboard.title(), "tags", List.of("pyairtable"), "timezone",
				"browser", "schemaVersion", 39, "version", 1, "editable", true, "refresh", "30s", "time",
				Maps.of("from", "now-1h", "to", "now"), "templating",
				Maps.of("list", List.of(datasourceVariable, serviceVariable)), "panels", panels);
	}

	private Map<String, Object> panel(int index, Dashboard.Panel panel) {
		List<Object> targets = new ArrayList<>();
		for (int i = 0; i < panel.queries().size(); i++) {
			Dashboard.Query query = panel.queries().get(i);
			targets.add(Maps.of("refId", String.valueOf((char) ('A' + i)), "datasource", DATASOURCE, "expr",
					query.expr(), "legendFormat", query.legend(), "range", true, "exemplar", panel.latency()));
		}
		return Maps.of("id", index + 1, "type", "timeseries", "title", panel.title(), "datasource", DATASOURCE,
				"gridPos", Maps.of("h", 8, "w", 12, "x", (index % 2) * 12, "y", (index / 2) * 8), "fieldConfig",
				Maps.of("defaults", Maps.of("unit", panel.unit()), "overrides", List.of()), "options",
				Maps.of("legend", Maps.of("displayMode", "list", "placement", "bottom", "showLegend", true)), "targets",
				targets);
	}

}
