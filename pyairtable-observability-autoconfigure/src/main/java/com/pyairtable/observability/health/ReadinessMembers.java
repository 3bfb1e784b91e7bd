package com.pyairtable.observability.health;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The names the starter adds to Spring Boot's readiness group, under the contributor
 * names the checks are registered with: every critical dependency check
 * ({@code dependencies/<name>}), every critical {@link StateHealthCheck}
 * ({@code runtime/<name>}) and Spring Boot's indicators given by name ({@code db} and
 * {@code redis} unless the group lists its own members). A name the group excludes, or
 * whose parent it excludes, is left out.
 */
public final class ReadinessMembers implements Supplier<Set<String>> {

	/**
	 * Spring Boot's indicators in readiness when present, unless the group lists its own.
	 */
	public static final List<String> DEFAULT_INDICATORS = List.of("db", "redis");

	private final List<String> indicators;

	private final Set<String> excluded;

	private final Supplier<List<DependencyCheck>> dependencyChecks;

	private final Supplier<List<StateHealthCheck>> stateChecks;

	/**
	 * Create the members.
	 * @param indicators the Spring Boot indicators to add when present, or {@code null}
	 * for the defaults
	 * @param groupListsMembers whether the application lists the group's members
	 * ({@code management.endpoint.health.group.readiness.include}), in which case only
	 * indicators given by name are added
	 * @param excluded the names the group excludes
	 * @param dependencyChecks the dependency checks, read on first use
	 * @param stateChecks the state checks, read on first use
	 */
	public ReadinessMembers(@Nullable List<String> indicators, boolean groupListsMembers, Set<String> excluded,
			Supplier<List<DependencyCheck>> dependencyChecks, Supplier<List<StateHealthCheck>> stateChecks) {
		this.indicators = (indicators != null) ? List.copyOf(indicators)
				: (groupListsMembers ? List.of() : DEFAULT_INDICATORS);
		this.excluded = Set.copyOf(excluded);
		this.dependencyChecks = dependencyChecks;
		this.stateChecks = stateChecks;
	}

	@Override
	public Set<String> get() {
		Set<String> members = new LinkedHashSet<>(this.indicators);
		this.dependencyChecks.get()
			.stream()
			.filter(DependencyCheck::isCritical)
			.forEach((check) -> members.add(DependencyChecks.CONTRIBUTOR_NAME + "/" + check.getName()));
		this.stateChecks.get()
			.stream()
			.filter(StateHealthCheck::critical)
			.forEach((check) -> members.add(StateHealthChecksContributor.CONTRIBUTOR_NAME + "/" + check.name()));
		members.removeIf(this::isExcluded);
		return Set.copyOf(members);
	}

	private boolean isExcluded(String name) {
		if (this.excluded.contains("*") || this.excluded.contains(name)) {
			return true;
		}
		int slash = name.lastIndexOf('/');
		return slash > 0 && isExcluded(name.substring(0, slash));
	}

}
