package com.pyairtable.observability.core;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Puts the four identity tags on every meter. A meter's own tag of the same name wins
 * (the JVM's {@code jvm_info} keeps its Java {@code version}).
 */
public class ServiceIdentityMeterFilter implements MeterFilter {

	private final Tags tags;

	/**
	 * Creates a filter for the given identity.
	 * @param identity the service identity
	 */
	public ServiceIdentityMeterFilter(ServiceIdentity identity) {
		this.tags = identity.tags();
	}

	@Override
	public Meter.Id map(Meter.Id id) {
		return id.replaceTags(Tags.concat(this.tags, id.getTagsAsIterable()));
	}

}
