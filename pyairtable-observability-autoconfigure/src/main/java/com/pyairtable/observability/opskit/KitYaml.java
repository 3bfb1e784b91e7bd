package com.pyairtable.observability.opskit;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes the kit's YAML files: block style, no line folding, keys in insertion order.
 */
final class KitYaml {

	private KitYaml() {
	}

	static String dump(Object document) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setSplitLines(false);
		options.setIndent(2);
		options.setIndicatorIndent(0);
		return new Yaml(options).dump(document);
	}

}
