package com.pyairtable.observability.logging;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.net.SocketAppender;
import ch.qos.logback.classic.net.SyslogAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.FileAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Logback setup receives redacted events once {@link TextLogRedaction} is
 * installed: asynchronous, file, non-root, syslog and socket appenders, the appenders of
 * a configuration loaded again, and an appender that keeps the events themselves.
 */
class TextLogRedactionTests {

	private static final String PATTERN = "%level %logger %msg %mdc %kvp%n%ex";

	@TempDir
	Path directory;

	private LoggerContext context;

	@BeforeEach
	void loggerContext() {
		this.context = new LoggerContext();
		this.context.setMDCAdapter(
				(MDC.getMDCAdapter() instanceof LogbackMDCAdapter adapter) ? adapter : new LogbackMDCAdapter());
		this.context.start();
	}

	@AfterEach
	void stop() {
		TextLogRedaction.uninstall(this.context);
		this.context.stop();
	}

	@Test
	void asyncAppenderQueuesAndWritesOnlyRedactedEvents() throws Exception {
		Path file = this.directory.resolve("async.log");
		AsyncAppender async = new AsyncAppender();
		async.setContext(this.context);
		async.setName("ASYNC");
		async.addAppender(fileAppender("FILE", file));
		async.start();
		root().addAppender(async);
		install();
		LogLeakProbe.log(this.context.getLogger("com.example.Orders"));
		async.stop();
		LogLeakProbe.assertRedacted(Files.readString(file));
	}

	@Test
	void fileAppenderWritesOnlyRedactedText() throws Exception {
		Path file = this.directory.resolve("app.log");
		root().addAppender(fileAppender("FILE", file));
		install();
		LogLeakProbe.log(this.context.getLogger("com.example.Orders"));
		String written = Files.readString(file);
		LogLeakProbe.assertRedacted(written);
		assertThat(written).contains("java.lang.IllegalStateException: failed with token=[REDACTED:")
			.contains("Caused by: java.io.IOException: upstream said Bearer [REDACTED:")
			.contains("Suppressed: java.lang.RuntimeException: retry used token=[REDACTED:")
			.contains("credential=\"[REDACTED:");
	}

	@Test
	void appenderOfANonAdditiveLoggerReceivesRedactedEvents() {
		Recorder recorder = new Recorder();
		Logger orders = this.context.getLogger("com.example.Orders");
		orders.setAdditive(false);
		orders.addAppender(recorder);
		install();
		LogLeakProbe.log(orders);
		assertThat(recorder.events).hasSize(1);
		ILoggingEvent event = recorder.events.get(0);
		assertThat(event.getLoggerName()).isEqualTo("com.example.Orders");
		assertThat(event.getArgumentArray()).isNull();
		assertThat(event.getMessage()).isEqualTo(event.getFormattedMessage());
		assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
		LogLeakProbe.assertRedacted(event.getFormattedMessage() + event.getMDCPropertyMap() + event.getKeyValuePairs()
				+ ThrowableProxyUtil.asString(event.getThrowableProxy()));
	}

	@Test
	void throwableOfARedactedEventCarriesNoSecretAndKeepsTheOriginalWhenThereIsNone() {
		Recorder recorder = new Recorder();
		root().addAppender(recorder);
		install();
		LogLeakProbe.log(this.context.getLogger("com.example.Orders"));
		IllegalArgumentException clean = new IllegalArgumentException("no such base");
		this.context.getLogger("com.example.Orders").warn("clean", clean);
		Throwable copy = ((ThrowableProxy) recorder.events.get(0).getThrowableProxy()).getThrowable();
		java.io.StringWriter printed = new java.io.StringWriter();
		copy.printStackTrace(new java.io.PrintWriter(printed));
		LogLeakProbe.assertRedacted(LogLeakProbe.MESSAGE_START + " [REDACTED: appA1b2C3d4E5f6G7h " + printed);
		assertThat(printed.toString()).startsWith("java.lang.IllegalStateException: failed with token=[REDACTED:")
			.contains("at " + getClass().getName())
			.contains("Caused by: java.io.IOException");
		assertThat(((ThrowableProxy) recorder.events.get(1).getThrowableProxy()).getThrowable()).isSameAs(clean);
	}

	@Test
	void syslogReceivesRedactedDatagrams() throws Exception {
		try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			server.setSoTimeout(2000);
			SyslogAppender syslog = new SyslogAppender();
			syslog.setContext(this.context);
			syslog.setName("SYSLOG");
			syslog.setSyslogHost("127.0.0.1");
			syslog.setPort(server.getLocalPort());
			syslog.setFacility("USER");
			syslog.setSuffixPattern("%logger %msg %mdc %kvp");
			syslog.start();
			root().addAppender(syslog);
			install();
			LogLeakProbe.log(this.context.getLogger("com.example.Orders"));
			StringBuilder received = new StringBuilder();
			byte[] buffer = new byte[65536];
			try {
				while (true) {
					DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
					server.receive(packet);
					received.append(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8))
						.append('\n');
					server.setSoTimeout(300);
				}
			}
			catch (SocketTimeoutException ex) {
				// Every datagram of the event (message, then stack trace lines) has
				// arrived.
			}
			LogLeakProbe.assertRedacted(received.toString());
			assertThat(received).contains("Caused by: java.io.IOException: upstream said Bearer [REDACTED:");
		}
	}

	@Test
	void socketServerReceivesRedactedEvents() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<ILoggingEvent> received = CompletableFuture.supplyAsync(() -> {
				try (Socket socket = server.accept();
						ObjectInputStream in = new ObjectInputStream(socket.getInputStream())) {
					return (ILoggingEvent) in.readObject();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			SocketAppender socket = new SocketAppender();
			socket.setContext(this.context);
			socket.setName("SOCKET");
			socket.setRemoteHost("127.0.0.1");
			socket.setPort(server.getLocalPort());
			socket.start();
			root().addAppender(socket);
			install();
			// Logback cannot serialize SLF4J key-value pairs; everything else travels.
			LogLeakProbe.log(this.context.getLogger("com.example.Orders"), false);
			ILoggingEvent event = received.get(10, java.util.concurrent.TimeUnit.SECONDS);
			// The server formats the message again from its parts, as a receiver would.
			LogLeakProbe.assertRedacted(event.getFormattedMessage() + event.getMessage() + event.getMDCPropertyMap()
					+ ThrowableProxyUtil.asString(event.getThrowableProxy()));
		}
	}

	@Test
	void appendersOfAConfigurationLoadedAgainAreCovered() throws Exception {
		Path file = this.directory.resolve("reloaded.log");
		install();
		// What a scan reload does: reset, then configure from the file again.
		this.context.reset();
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(this.context);
		configurator.doConfigure(new ByteArrayInputStream(("""
				<configuration>
				  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
				    <file>%s</file>
				    <encoder><pattern>%s</pattern></encoder>
				  </appender>
				  <appender name="ASYNC" class="ch.qos.logback.classic.AsyncAppender">
				    <appender-ref ref="FILE"/>
				  </appender>
				  <logger name="com.example" level="INFO" additivity="false"><appender-ref ref="ASYNC"/></logger>
				</configuration>
				""").formatted(file, PATTERN).getBytes(StandardCharsets.UTF_8)));
		assertThat(this.context.getLogger("com.example").getAppender("ASYNC")).isInstanceOf(RedactingAppender.class);
		LogLeakProbe.log(this.context.getLogger("com.example.Orders"));
		this.context.getLogger("com.example").getAppender("ASYNC").stop();
		LogLeakProbe.assertRedacted(Files.readString(file));
	}

	@Test
	void appendersOfAContextResetAndStartedAgainAreCovered() {
		install();
		this.context.reset();
		Recorder recorder = new Recorder();
		root().addAppender(recorder);
		this.context.start();
		LogLeakProbe.log(this.context.getLogger("com.example.Orders"));
		assertThat(recorder.events).singleElement()
			.satisfies((event) -> LogLeakProbe.assertRedacted(event.getFormattedMessage() + event.getMDCPropertyMap()
					+ ThrowableProxyUtil.asString(event.getThrowableProxy())));
	}

	@Test
	void anAppenderSharedByTwoLoggersIsWrappedOnceAndUninstallingRestoresIt() {
		Recorder recorder = new Recorder();
		root().addAppender(recorder);
		Logger orders = this.context.getLogger("com.example.Orders");
		orders.setAdditive(false);
		orders.addAppender(recorder);
		assertThat(install()).isEqualTo(1);
		assertThat(install()).isZero();
		assertThat(orders.getAppender("RECORDER")).isSameAs(root().getAppender("RECORDER"))
			.isInstanceOf(RedactingAppender.class);
		TextLogRedaction.uninstall(this.context);
		assertThat(root().getAppender("RECORDER")).isSameAs(recorder);
		orders.warn("token={}", "plain123456789");
		assertThat(recorder.events).singleElement()
			.satisfies((event) -> assertThat(event.getFormattedMessage()).contains("plain123456789"));
	}

	@Test
	void aCleanEventIsFormattedOnceAndKeepsItsPartsAndTraceIds() {
		Recorder recorder = new Recorder();
		root().addAppender(recorder);
		install();
		MDC.put("request_id", "req-42");
		MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		MDC.put("spanId", "Bearer " + LogLeakProbe.IN_MDC);
		try {
			this.context.getLogger("com.example.Orders").info("Imported {} records", 100);
		}
		finally {
			MDC.remove("request_id");
			MDC.remove("traceId");
			MDC.remove("spanId");
		}
		ILoggingEvent event = recorder.events.get(0);
		assertThat(event.getFormattedMessage()).isEqualTo("Imported 100 records").isSameAs(event.getFormattedMessage());
		assertThat(event.getMDCPropertyMap()).containsEntry("request_id", "req-42")
			.containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		// Only a well-formed id skips the redaction, whatever its key.
		assertThat(event.getMDCPropertyMap().get("spanId")).startsWith("Bearer [REDACTED:");
	}

	private int install() {
		return TextLogRedaction.install(this.context, SecretRedactor.withDefaults());
	}

	private Logger root() {
		return this.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	private FileAppender<ILoggingEvent> fileAppender(String name, Path file) {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(this.context);
		encoder.setPattern(PATTERN);
		encoder.start();
		FileAppender<ILoggingEvent> appender = new FileAppender<>();
		appender.setContext(this.context);
		appender.setName(name);
		appender.setFile(file.toString());
		appender.setEncoder(encoder);
		appender.start();
		return appender;
	}

	/** Keeps the events it receives, as a network appender would serialize them. */
	private final class Recorder extends AppenderBase<ILoggingEvent> {

		final List<ILoggingEvent> events = new ArrayList<>();

		Recorder() {
			setContext(TextLogRedactionTests.this.context);
			setName("RECORDER");
			start();
		}

		@Override
		protected void append(ILoggingEvent event) {
			event.prepareForDeferredProcessing();
			this.events.add(event);
		}

	}

}
