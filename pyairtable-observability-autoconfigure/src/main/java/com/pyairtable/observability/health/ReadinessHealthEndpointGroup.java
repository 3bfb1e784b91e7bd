package com.pyairtable.observability.health;

import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;

/**
 * The readiness group with the critical checks added to its members: a name is a member
 * when the original group has it or when it is, or is below, one of the added names.
 */
final class ReadinessHealthEndpointGroup implements HealthEndpointGroup {

	private final @Nullable HealthEndpointGroup delegate;

	private final Supplier<Set<String>> members;

	private final @Nullable StatusAggregator statusAggregator;

	private final @Nullable HttpCodeStatusMapper httpCodeStatusMapper;

	ReadinessHealthEndpointGroup(@Nullable HealthEndpointGroup delegate, Supplier<Set<String>> members,
			@Nullable StatusAggregator statusAggregator, @Nullable HttpCodeStatusMapper httpCodeStatusMapper) {
		this.delegate = delegate;
		this.members = members;
		this.statusAggregator = statusAggregator;
		this.httpCodeStatusMapper = httpCodeStatusMapper;
	}

	@Override
	public boolean isMember(String name) {
		if ((this.delegate != null) ? this.delegate.isMember(name) : "readinessState".equals(name)) {
			return true;
		}
		for (String member : this.members.get()) {
			if (name.equals(member) || name.startsWith(member + "/")) {
				return true;
			}
		}
		return false;
	}

	@Override
	public boolean showComponents(SecurityContext securityContext) {
		return this.delegate != null && this.delegate.showComponents(securityContext);
	}

	@Override
	public boolean showDetails(SecurityContext securityContext) {
		return this.delegate != null && this.delegate.showDetails(securityContext);
	}

	@Override
	public StatusAggregator getStatusAggregator() {
		if (this.statusAggregator != null) {
			return this.statusAggregator;
		}
		return (this.delegate != null) ? this.delegate.getStatusAggregator() : StatusAggregator.getDefault();
	}

	@Override
	public HttpCodeStatusMapper getHttpCodeStatusMapper() {
		if (this.httpCodeStatusMapper != null) {
			return this.httpCodeStatusMapper;
		}
		return (this.delegate != null) ? this.delegate.getHttpCodeStatusMapper() : HttpCodeStatusMapper.getDefault();
	}

	@Override
	public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
		return (this.delegate != null) ? this.delegate.getAdditionalPath() : null;
	}

}
