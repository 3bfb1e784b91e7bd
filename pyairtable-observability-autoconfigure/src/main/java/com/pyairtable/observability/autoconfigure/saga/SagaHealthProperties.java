package com.pyairtable.observability.autoconfigure.saga;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Long-running sagas as health: the check the SAGA feature contributes to
 * {@code runtime/sagas}.
 */
@ConfigurationProperties(SagaHealthProperties.PREFIX)
public class SagaHealthProperties {

	/** Prefix of the SAGA health properties. */
	public static final String PREFIX = "pyairtable.observability.health.saga";

	/**
	 * Whether sagas running longer than 'stuck-after' make the service DEGRADED.
	 */
	private boolean enabled = true;

	/**
	 * How long a saga may run before it counts as stuck.
	 */
	private Duration stuckAfter = Duration.ofMinutes(5);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getStuckAfter() {
		return this.stuckAfter;
	}

	public void setStuckAfter(Duration stuckAfter) {
		if (stuckAfter.isNegative() || stuckAfter.isZero()) {
			throw new IllegalArgumentException(
					PREFIX + ".stuck-after was " + stuckAfter + " but must be a positive duration");
		}
		this.stuckAfter = stuckAfter;
	}

}
