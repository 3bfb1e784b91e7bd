package com.pyairtable.observability.opskit;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Writes the kit's YAML files: block style, no line folding, keys in insertion order;
 * reads them back (plain maps, lists and scalars only) for redaction.
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

	static Object load(String yaml) {
		return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
	}

}
