package com.pyairtable.observability.health;

/**
 * One outbound check of a dependency, bounded by its own timeout.
 */
@FunctionalInterface
public interface DependencyProbe {

	/**
	 * Check the dependency once.
	 * @throws Exception when the dependency is not healthy or cannot be reached
	 */
	void probe() throws Exception;

}
