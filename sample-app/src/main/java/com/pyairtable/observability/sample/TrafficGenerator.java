package com.pyairtable.observability.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Calls the service's own API on a fixed pace once the web server is up, so that seconds
 * after start {@code /actuator/prometheus} shows live data. Off with
 * {@code sample.traffic.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "sample.traffic.enabled", matchIfMissing = true)
public class TrafficGenerator implements ApplicationListener<WebServerInitializedEvent>, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(TrafficGenerator.class);

	private final SelfClients clients;

	private final SampleProperties properties;

	private final AtomicLong ticks = new AtomicLong();

	private final List<Consumer<RestClient>> calls = calls(this.ticks);

	private static List<Consumer<RestClient>> calls(AtomicLong ticks) {
		return List.of(
				(client) -> client.post()
					.uri("/api/records")
					.body(Map.of("name", "record"))
					.retrieve()
					.toBodilessEntity(),
				(client) -> client.get().uri("/api/records").retrieve().toBodilessEntity(),
				(client) -> client.post().uri("/api/records/sync").retrieve().toBodilessEntity(),
				(client) -> client.post()
					.uri("/api/chat")
					.body(Map.of("prompt", "Summarise my records", "model", "gemini-2.5-flash"))
					.retrieve()
					.toBodilessEntity(),
				(client) -> {
					// The same record twice: the second read is a hit of the gateway's
					// own cache.
					// This call comes every seventh tick: the id must vary with the
					// round, not the tick.
					long record = (ticks.get() / 7) % 5;
					client.get().uri("/api/records/recSample00000{n}", record).retrieve().toBodilessEntity();
					client.get().uri("/api/records/recSample00000{n}", record).retrieve().toBodilessEntity();
				}, (client) -> client.post().uri("/api/orders").retrieve().toBodilessEntity(),
				(client) -> client.post().uri("/api/mcp/tools/list_records").retrieve().toBodilessEntity());
	}

	private volatile ScheduledExecutorService executor;

	private final List<TrafficContribution> contributions;

	public TrafficGenerator(SelfClients clients, SampleProperties properties,
			ObjectProvider<TrafficContribution> contributions) {
		this.clients = clients;
		this.properties = properties;
		this.contributions = contributions.orderedStream().toList();
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null || this.executor != null) {
			// The management server, on its own port, starts no traffic of its own.
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "sample-traffic");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.getTraffic().getInterval().toMillis();
		executor.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
		this.executor = executor;
		logger.info("Sample traffic started: one request every " + interval + " ms");
	}

	private void tick() {
		long tick = this.ticks.getAndIncrement();
		try {
			this.calls.get((int) (tick % this.calls.size())).accept(this.clients.self());
			if (tick % this.calls.size() == 0) {
				// Once a round: the calls the active profiles contribute (Redis, queues).
				for (TrafficContribution contribution : this.contributions) {
					contribution.call(this.clients.self());
				}
			}
			if (tick % 25 == 24) {
				this.clients.self().get().uri("/api/diagnostics/fail").retrieve().toBodilessEntity();
			}
		}
		catch (RestClientException ex) {
			// Expected now and then: the fake APIs answer 429 and 503 on purpose.
		}
	}

	@Override
	public void start() {
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.executor;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null && !this.executor.isShutdown();
	}

}
