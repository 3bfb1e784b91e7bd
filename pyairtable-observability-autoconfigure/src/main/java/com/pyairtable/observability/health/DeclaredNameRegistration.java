package com.pyairtable.observability.health;

import java.util.List;

import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.registry.HealthContributorRegistry;

/**
 * Registers a contributor under the name it declares, whatever its bean is called: Spring
 * Boot registers every contributor bean under a name derived from the bean's, and the
 * readiness members and per-indicator timeouts refer to the declared name.
 */
public final class DeclaredNameRegistration {

	private DeclaredNameRegistration() {
	}

	/**
	 * Register the contributor under its name, removing it from any other name Spring
	 * Boot registered it under.
	 * @param registry the registry
	 * @param name the declared name
	 * @param contributor the contributor
	 * @throws IllegalStateException if another contributor holds the name
	 */
	public static void register(HealthContributorRegistry registry, String name, HealthContributor contributor) {
		List<String> others = registry.stream()
			.filter((entry) -> entry.contributor() == contributor && !entry.name().equals(name))
			.map(HealthContributors.Entry::name)
			.toList();
		others.forEach(registry::unregisterContributor);
		if (registry.getContributor(name) != contributor) {
			registry.registerContributor(name, contributor);
		}
	}

}
