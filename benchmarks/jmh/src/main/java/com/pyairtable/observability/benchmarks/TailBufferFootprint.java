package com.pyairtable.observability.benchmarks;

import java.time.Duration;

import com.pyairtable.observability.tracing.RequestInfo;
import com.pyairtable.observability.tracing.TailSamplingSpanProcessor;
import com.pyairtable.observability.tracing.TracingMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.openjdk.jol.info.GraphLayout;

/**
 * Measures the memory the tail buffer holds at its default bound (2048 spans): fills it
 * with the child spans of requests whose server span has not ended yet (each span with
 * the attributes of a typical client call), then reports the retained size of the
 * processor's object graph as JOL walks it, in bytes. Run with
 * {@code java -Djdk.attach.allowAttachSelf=true -cp benchmarks/jmh/target/benchmarks.jar com.pyairtable.observability.benchmarks.TailBufferFootprint}
 * (JOL attaches its agent to size the SDK's lambdas).
 */
public final class TailBufferFootprint {

	private TailBufferFootprint() {
	}

	public static void main(String[] args) {
		int maxSpans = (args.length > 0) ? Integer.parseInt(args[0]) : 2048;
		TracingMetrics metrics = new TracingMetrics();
		TailSamplingSpanProcessor tail = new TailSamplingSpanProcessor(() -> null, Duration.ofSeconds(2), maxSpans,
				Duration.ofSeconds(60), metrics, System::nanoTime);
		long empty = GraphLayout.parseInstance(tail).totalSize();
		try (SdkTracerProvider provider = SdkTracerProvider.builder()
			.setSampler(SamplerBenchmark.defaultSampler(0.0, metrics))
			.addSpanProcessor(tail)
			.build()) {
			Tracer tracer = provider.get("footprint");
			GraphLayout shared = GraphLayout.parseInstance(provider, tracer);
			new RequestInfo("GET", "/api/records").makeCurrent();
			// Four child spans per pending request, none of the roots ended: all stay
			// buffered.
			for (int i = 0; tail.getBufferedSpans() < maxSpans; i++) {
				Span server = tracer.spanBuilder("http get /api/records")
					.setSpanKind(SpanKind.SERVER)
					.setNoParent()
					.startSpan();
				try (Scope scope = server.makeCurrent()) {
					for (int c = 0; c < 4; c++) {
						Span child = tracer.spanBuilder("http get").setSpanKind(SpanKind.CLIENT).startSpan();
						child.setAttribute("http.request.method", "GET");
						child.setAttribute("server.address", "api.airtable.com");
						child.setAttribute("url.full",
								"https://api.airtable.com/v0/appA1b2C3d4E5f6G7/Orders?page=" + i);
						child.setAttribute("http.response.status_code", 200L);
						child.setAttribute("client.name", "api.airtable.com");
						child.setAttribute("outcome", "SUCCESS");
						child.end();
					}
				}
			}
			// The spans point at the provider's resource, clock, limits and scope: those
			// exist
			// without the buffer, so they are subtracted.
			long full = GraphLayout.parseInstance(tail).subtract(shared).totalSize();
			int spans = tail.getBufferedSpans();
			System.out.printf("tail buffer: %d spans buffered (max-spans %d)%n", spans, maxSpans);
			System.out.printf("processor alone, empty: %d bytes%n", empty);
			System.out.printf("added by %d buffered spans: %d bytes (%.2f MiB), %d bytes per span%n", spans, full,
					full / 1048576.0, full / Math.max(1, spans));
		}
	}

}
