package com.pyairtable.observability.opskit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code opskit} actuator endpoint: the list of the kit's files, and each file's
 * content at {@code /actuator/opskit/<path>}. Not exposed over HTTP by default. The kit
 * is generated (and redacted) on each request; a failure to do so is an error response,
 * never a partial or unredacted file.
 */
@Endpoint(id = "opskit")
public class OpsKitEndpoint {

	private final Supplier<OpsKit> kit;

	/**
	 * Creates the endpoint.
	 * @param kit supplies the kit, generated on demand
	 */
	public OpsKitEndpoint(Supplier<OpsKit> kit) {
		this.kit = kit;
	}

	/**
	 * Lists the kit's files.
	 * @return the file paths
	 */
	@ReadOperation
	public Map<String, Object> files() {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("files", List.copyOf(this.kit.get().files().keySet()));
		return result;
	}

	/**
	 * Returns one file of the kit.
	 * @param path the file's path segments, such as {@code prometheus/prometheus.yml}
	 * @return the path and content, or {@code null} (404) for an unknown path
	 */
	@ReadOperation
	public @Nullable Map<String, Object> file(@Selector(match = Selector.Match.ALL_REMAINING) String... path) {
		String name = String.join("/", path);
		String content = this.kit.get().files().get(name);
		if (content == null) {
			return null;
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("path", name);
		result.put("content", content);
		return result;
	}

}
