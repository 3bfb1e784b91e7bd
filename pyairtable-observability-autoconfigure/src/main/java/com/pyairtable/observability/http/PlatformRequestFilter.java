package com.pyairtable.observability.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.pyairtable.observability.logging.BusinessContext;
import com.pyairtable.observability.logging.RequestIds;
import com.pyairtable.observability.tracing.RequestInfo;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The starter's per-request work on a servlet application, in one filter placed before
 * Boot's observation filter and Spring Security's: one filter rather than one per
 * feature, because every servlet filter costs the container a lookup and two request
 * attribute events on each request.
 * <p>
 * Each part is on when given:
 * <ul>
 * <li><b>platform paths</b>: a platform probe or scrape path is rewritten to the actuator
 * path it mirrors, so that every later filter (security above all) sees exactly what a
 * direct request to the actuator path shows. The request stays a {@code REQUEST}
 * dispatch: a forward would escape rules that only filter {@code REQUEST}s;</li>
 * <li><b>request path for the sampler</b>: the method and path made current before the
 * server span starts ({@link RequestInfo}), so that path and method rules match;</li>
 * <li><b>request id</b>: {@code X-Request-ID} taken when valid or generated, echoed, kept
 * in the request attribute {@link #REQUEST_ID_ATTRIBUTE} and the log context; the
 * request's log context (request and business keys) is cleared when it ends;</li>
 * <li><b>body sizes</b>: request and response bodies counted as they pass, for
 * {@link HttpExchangeSizeObservationHandler}, which finds the counting request as the
 * carrier of the server observation.</li>
 * </ul>
 */
public final class PlatformRequestFilter extends OncePerRequestFilter {

	/** Request attribute holding the request's accepted id. */
	public static final String REQUEST_ID_ATTRIBUTE = RequestIds.ATTRIBUTE;

	private final @Nullable CompatPaths compatPaths;

	private final boolean requestInfo;

	private final boolean requestId;

	private final @Nullable ManagementRequests sizesExcept;

	private final boolean recordSizes;

	private PlatformRequestFilter(@Nullable CompatPaths compatPaths, boolean requestInfo, boolean requestId,
			boolean recordSizes, @Nullable ManagementRequests sizesExcept) {
		this.compatPaths = compatPaths;
		this.requestInfo = requestInfo;
		this.requestId = requestId;
		this.recordSizes = recordSizes;
		this.sizesExcept = sizesExcept;
	}

	/**
	 * A filter with no part on; add parts with the {@code with} methods.
	 * @return the filter
	 */
	public static PlatformRequestFilter none() {
		return new PlatformRequestFilter(null, false, false, false, null);
	}

	/**
	 * This filter, also serving the given platform paths.
	 * @param paths the path table
	 * @return a new filter
	 */
	public PlatformRequestFilter withCompatPaths(CompatPaths paths) {
		return new PlatformRequestFilter(paths, this.requestInfo, this.requestId, this.recordSizes, this.sizesExcept);
	}

	/**
	 * This filter, also making the request's method and path current for the sampler.
	 * @return a new filter
	 */
	public PlatformRequestFilter withRequestInfo() {
		return new PlatformRequestFilter(this.compatPaths, true, this.requestId, this.recordSizes, this.sizesExcept);
	}

	/**
	 * This filter, also taking or generating the request id.
	 * @return a new filter
	 */
	public PlatformRequestFilter withRequestId() {
		return new PlatformRequestFilter(this.compatPaths, this.requestInfo, true, this.recordSizes, this.sizesExcept);
	}

	/**
	 * This filter, also counting body sizes.
	 * @param except the management requests not counted, or {@code null} to count every
	 * request
	 * @return a new filter
	 */
	public PlatformRequestFilter withSizes(@Nullable ManagementRequests except) {
		return new PlatformRequestFilter(this.compatPaths, this.requestInfo, this.requestId, true, except);
	}

	/**
	 * Whether any part is on.
	 * @return whether the filter does anything
	 */
	public boolean hasParts() {
		return this.compatPaths != null || this.requestInfo || this.requestId || this.recordSizes;
	}

	/**
	 * The parts that are on, for diagnostics: {@code compat-paths}, {@code request-info},
	 * {@code request-id}, {@code sizes}.
	 * @return the parts' names, in the order they apply
	 */
	public List<String> parts() {
		List<String> parts = new ArrayList<>(4);
		if (this.compatPaths != null) {
			parts.add("compat-paths");
		}
		if (this.requestInfo) {
			parts.add("request-info");
		}
		if (this.requestId) {
			parts.add("request-id");
		}
		if (this.recordSizes) {
			parts.add("sizes");
		}
		return parts;
	}

	@Override
	public String toString() {
		return "PlatformRequestFilter" + parts();
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		// An async dispatch continues the request on another thread: the sampler needs
		// its path there too.
		return !this.requestInfo;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = pathWithinContext(request);
		if (isAsyncDispatch(request)) {
			try (RequestInfo.Restorer restorer = requestInfo(request, path)) {
				chain.doFilter(request, response);
			}
			return;
		}
		HttpServletRequest filteredRequest = request;
		HttpServletResponse filteredResponse = response;
		String target = (this.compatPaths != null) ? this.compatPaths.targetOf(path) : null;
		if (target != null) {
			filteredRequest = new CompatPathRequest(filteredRequest, target);
		}
		if (this.recordSizes && (this.sizesExcept == null || !this.sizesExcept.matches(path))) {
			// The body as read, not the declared Content-Length, which a caller can set
			// to anything.
			CountingResponseWrapper countingResponse = new CountingResponseWrapper(response);
			filteredRequest = new CountingRequestWrapper(filteredRequest, countingResponse);
			filteredResponse = countingResponse;
		}
		if (!this.requestId) {
			try (RequestInfo.Restorer restorer = requestInfo(request, path)) {
				chain.doFilter(filteredRequest, filteredResponse);
			}
			return;
		}
		String requestId = RequestIds.accept(request.getHeader(RequestIds.HEADER));
		request.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
		response.setHeader(RequestIds.HEADER, requestId);
		MDC.put(RequestIds.MDC_KEY, requestId);
		try (RequestInfo.Restorer restorer = requestInfo(request, path)) {
			chain.doFilter(filteredRequest, filteredResponse);
		}
		finally {
			MDC.remove(RequestIds.MDC_KEY);
			BusinessContext.clear();
		}
	}

	private RequestInfo.@Nullable Restorer requestInfo(HttpServletRequest request, String path) {
		return this.requestInfo ? new RequestInfo(request.getMethod(), path.isEmpty() ? "/" : path).makeCurrent()
				: null;
	}

	/**
	 * The counting request this filter put around a request, if any.
	 * @param request the request as a later filter or handler sees it
	 * @return the counting request, or {@code null}
	 */
	static @Nullable CountingRequestWrapper countingRequest(ServletRequest request) {
		ServletRequest current = request;
		while (current != null) {
			if (current instanceof CountingRequestWrapper counting) {
				return counting;
			}
			current = (current instanceof ServletRequestWrapper wrapper) ? wrapper.getRequest() : null;
		}
		return null;
	}

	/**
	 * The request's path within the servlet context, as it came.
	 * @param request the request
	 * @return the path
	 */
	static String pathWithinContext(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		return (!contextPath.isEmpty() && uri.startsWith(contextPath)) ? uri.substring(contextPath.length()) : uri;
	}

}
