package com.pyairtable.observability.benchmarks;

import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.pyairtable.observability.logging.PlatformJsonLogFormatter;
import com.pyairtable.observability.logging.SecretRedactor;
import com.pyairtable.observability.logging.TextLogRedaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * One log line written end to end through Logback (logger, event with trace, span and
 * request ids in the MDC, Spring Boot's structured-log encoder or a pattern layout,
 * appender) to an output stream that discards it, with the starter's log redaction as an
 * application gets it: the platform's JSON line against Spring Boot's own Logstash JSON
 * format (the baseline a user would otherwise pick) and the plain-text line of
 * development.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonLogLineBenchmark {

	@Param({ "platform", "logstash", "text" })
	String format;

	LoggerContext context;

	Logger logger;

	final LongAdder bytes = new LongAdder();

	@Setup
	public void setUp() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("benchmark",
					Map.of("spring.application.name", "airtable-gateway", "pyairtable.observability.service.version",
							"1.4.2", "pyairtable.observability.service.environment", "production")));
		this.context = new LoggerContext();
		LogbackMDCAdapter mdc = new LogbackMDCAdapter();
		this.context.setMDCAdapter(mdc);
		this.context.putObject(Environment.class.getName(), environment);
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setContext(this.context);
		appender.setEncoder(encoder());
		appender.setOutputStream(new CountingDiscardStream(this.bytes));
		appender.start();
		this.logger = this.context.getLogger("com.example.orders.OrderService");
		this.logger.setLevel(Level.INFO);
		this.logger.setAdditive(false);
		this.logger.addAppender(appender);
		redact();
		mdc.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		mdc.put("spanId", "00f067aa0ba902b7");
		mdc.put("request_id", "7f3c9a2e-1b4d-4c8e-9f0a-3d5e6b7c8a9f");
	}

	private Encoder<ILoggingEvent> encoder() {
		if ("text".equals(this.format)) {
			PatternLayoutEncoder encoder = new PatternLayoutEncoder();
			encoder.setContext(this.context);
			encoder
				.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5level [%thread] %logger{36} %X{request_id} : %msg%n");
			encoder.start();
			return encoder;
		}
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(this.context);
		encoder.setFormat("platform".equals(this.format) ? PlatformJsonLogFormatter.class.getName() : "logstash");
		encoder.start();
		return encoder;
	}

	/** As the starter installs it: every appender receives the redacted event. */
	private void redact() {
		TextLogRedaction.install(this.context, SecretRedactor.withDefaults());
	}

	@TearDown
	public void tearDown() {
		this.context.stop();
	}

	@Benchmark
	public void logLine() {
		this.logger.info("Imported {} records into table {} of base {}", 100, "Orders", "appA1b2C3d4E5f6G7");
	}

	private static final class CountingDiscardStream extends OutputStream {

		private final LongAdder bytes;

		CountingDiscardStream(LongAdder bytes) {
			this.bytes = bytes;
		}

		@Override
		public void write(int b) {
			this.bytes.increment();
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.bytes.add(len);
		}

	}

}
