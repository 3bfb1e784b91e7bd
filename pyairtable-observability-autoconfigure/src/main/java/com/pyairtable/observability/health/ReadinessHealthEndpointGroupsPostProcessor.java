package com.pyairtable.observability.health;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Adds members ({@link ReadinessMembers}: the critical checks, and Spring Boot's
 * {@code db} and {@code redis} indicators when present) to Spring Boot's
 * {@code readiness} group, whether Spring Boot's probes created it or the application
 * configured it under {@code management.endpoint.health.group.readiness}. The
 * {@code liveness} group is left alone: it never depends on an outside system.
 * <p>
 * Unless the application configured the readiness group's own status order or HTTP
 * mapping, the group uses the application's (with DEGRADED) and counts UNKNOWN as
 * OUT_OF_SERVICE ({@link ReadinessStatusAggregator}).
 */
@Order(Ordered.LOWEST_PRECEDENCE)
public final class ReadinessHealthEndpointGroupsPostProcessor implements HealthEndpointGroupsPostProcessor {

	/** Name of Spring Boot's readiness group. */
	public static final String READINESS = "readiness";

	private final Supplier<Set<String>> members;

	private final @Nullable StatusAggregator statusAggregator;

	private final @Nullable HttpCodeStatusMapper httpCodeStatusMapper;

	/**
	 * Create the post-processor.
	 * @param members the names to add, read on first use
	 * @param statusAggregator the aggregator of the group, or {@code null} to keep the
	 * group's own
	 * @param httpCodeStatusMapper the HTTP mapping of the group, or {@code null} to keep
	 * the group's own
	 */
	public ReadinessHealthEndpointGroupsPostProcessor(Supplier<Set<String>> members,
			@Nullable StatusAggregator statusAggregator, @Nullable HttpCodeStatusMapper httpCodeStatusMapper) {
		this.members = members;
		this.statusAggregator = statusAggregator;
		this.httpCodeStatusMapper = httpCodeStatusMapper;
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		if (groups instanceof Groups) {
			return groups;
		}
		return new Groups(groups, new ReadinessHealthEndpointGroup(groups.get(READINESS), this.members,
				this.statusAggregator, this.httpCodeStatusMapper));
	}

	private static final class Groups implements HealthEndpointGroups, AdditionalPathsMapper {

		private final HealthEndpointGroups delegate;

		private final HealthEndpointGroup readiness;

		private final Set<String> names;

		Groups(HealthEndpointGroups delegate, HealthEndpointGroup readiness) {
			this.delegate = delegate;
			this.readiness = readiness;
			Set<String> names = new LinkedHashSet<>(delegate.getNames());
			names.add(READINESS);
			this.names = Set.copyOf(names);
		}

		@Override
		public HealthEndpointGroup getPrimary() {
			return this.delegate.getPrimary();
		}

		@Override
		public Set<String> getNames() {
			return this.names;
		}

		@Override
		public @Nullable HealthEndpointGroup get(String name) {
			return READINESS.equals(name) ? this.readiness : this.delegate.get(name);
		}

		@Override
		public @Nullable List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace webServerNamespace) {
			return (this.delegate instanceof AdditionalPathsMapper mapper)
					? mapper.getAdditionalPaths(endpointId, webServerNamespace) : null;
		}

	}

}
