package com.pyairtable.observability.logging;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.pyairtable.observability.core.ServiceIdentity;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.JsonWriterStructuredLogFormatter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.core.env.Environment;

/**
 * The platform's JSON log line on Spring Boot's structured logging (Logback): the
 * contract's fields ({@code timestamp}, {@code level}, {@code logger}, {@code message},
 * {@code service}, {@code version}, {@code environment}, {@code trace_id},
 * {@code span_id}, {@code request_id}, {@code tenant_id}, {@code user_id},
 * {@code exception}), other log-context entries under {@code context}, and every text
 * passed through the {@link SecretRedactor} once (message, MDC, exception messages).
 * Selected with
 * {@code logging.structured.format.console=com.pyairtable.observability.logging.PlatformJsonLogFormatter}.
 */
public class PlatformJsonLogFormatter extends JsonWriterStructuredLogFormatter<ILoggingEvent> {

	/** Property listing extra redaction patterns. */
	public static final String EXTRA_PATTERNS_PROPERTY = "pyairtable.observability.logging.redaction.patterns";

	private static final Set<String> MAPPED_KEYS = Set.of("traceId", "spanId", "trace_id", "span_id",
			RequestIds.MDC_KEY, "tenant_id", "user_id");

	private final SecretRedactor redactor;

	/**
	 * Creates the formatter; Spring Boot calls it with what it has.
	 * @param environment the environment, for the service identity (the same as the
	 * metrics', see {@link ServiceIdentity#from(Environment)}) and extra patterns
	 * @param customizer the JSON members customizer of Spring Boot, if any
	 */
	public PlatformJsonLogFormatter(Environment environment,
			@Nullable StructuredLoggingJsonMembersCustomizer<?> customizer) {
		this(ServiceIdentity.from(environment), redactor(environment), customizer);
	}

	private PlatformJsonLogFormatter(ServiceIdentity identity, SecretRedactor redactor,
			@Nullable StructuredLoggingJsonMembersCustomizer<?> customizer) {
		super((members) -> members(members, identity), customizer);
		this.redactor = redactor;
	}

	/**
	 * Formats the redacted event: the one the appenders already receive (see
	 * {@link TextLogRedaction}), or else redacted here, in the same single pass.
	 */
	@Override
	public String format(ILoggingEvent event) {
		return super.format(RedactedLoggingEvent.of(event, this.redactor));
	}

	@Override
	public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
		return super.formatAsBytes(RedactedLoggingEvent.of(event, this.redactor), charset);
	}

	private static void members(JsonWriter.Members<ILoggingEvent> members, ServiceIdentity identity) {
		members.add("timestamp", ILoggingEvent::getInstant).as(Object::toString);
		members.add("level", ILoggingEvent::getLevel).as(Object::toString);
		members.add("logger", ILoggingEvent::getLoggerName);
		members.add("message", ILoggingEvent::getFormattedMessage);
		members.add("service", identity.name());
		members.add("version", identity.version());
		members.add("environment", identity.environment());
		members.add("trace_id", (event) -> mdc(event, "traceId", "trace_id")).whenHasLength();
		members.add("span_id", (event) -> mdc(event, "spanId", "span_id")).whenHasLength();
		members.add("request_id", (event) -> mdc(event, RequestIds.MDC_KEY, RequestIds.MDC_KEY)).whenHasLength();
		members.add("tenant_id", (event) -> mdc(event, "tenant_id", "tenant_id")).whenHasLength();
		members.add("user_id", (event) -> mdc(event, "user_id", "user_id")).whenHasLength();
		members.add("thread", ILoggingEvent::getThreadName);
		members.add("context", PlatformJsonLogFormatter::otherContext).whenNotEmpty();
		members.add("exception", ILoggingEvent::getThrowableProxy)
			.whenNotNull()
			.as(PlatformJsonLogFormatter::exception);
	}

	private static @Nullable String mdc(ILoggingEvent event, String key, String alternative) {
		Map<String, String> mdc = event.getMDCPropertyMap();
		String value = mdc.get(key);
		return (value != null) ? value : mdc.get(alternative);
	}

	private static Map<String, String> otherContext(ILoggingEvent event) {
		Map<String, String> context = new LinkedHashMap<>();
		event.getMDCPropertyMap().forEach((key, value) -> {
			if (!MAPPED_KEYS.contains(key)) {
				context.put(key, value);
			}
		});
		return context;
	}

	private static Map<String, @Nullable String> exception(IThrowableProxy proxy) {
		Map<String, @Nullable String> exception = new LinkedHashMap<>();
		exception.put("type", proxy.getClassName());
		exception.put("message", proxy.getMessage());
		exception.put("stack_trace", ThrowableProxyUtil.asString(proxy));
		return exception;
	}

	static SecretRedactor redactor(Environment environment) {
		// The same key and patterns as the SecretRedactor bean, read before the context
		// exists; a key the properties reject (blank, too short) is not used.
		String key = Binder.get(environment)
			.bind("pyairtable.observability.logging.redaction.key", String.class)
			.map(String::trim)
			.orElse("");
		key = (key.length() >= 16) ? key : null;
		try {
			List<String> extra = Binder.get(environment)
				.bind(EXTRA_PATTERNS_PROPERTY, Bindable.listOf(String.class))
				.orElse(List.of());
			return SecretRedactor.builder().key(key).extraPatterns(extra).build();
		}
		catch (RuntimeException ex) {
			// A bad pattern fails the application's startup through the properties
			// binding
			// with a message naming the key; logging keeps the built-in patterns
			// meanwhile.
			return SecretRedactor.builder().key(key).build();
		}
	}

}
