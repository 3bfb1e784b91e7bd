package com.pyairtable.observability.sample.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.pyairtable.observability.airtable.AirtableMetrics;
import com.pyairtable.observability.airtable.AirtableOperation;
import com.pyairtable.observability.airtable.AirtableRequest;
import com.pyairtable.observability.testsupport.Figures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 8: hostile values where labels and log fields come from.
 */
@Tag("reliability")
@ExtendWith(OutputCaptureExtension.class)
class CardinalityAttackReliabilityTests {

	private static final long MB = 1024 * 1024;

	private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

	@Test
	void hostileBasesPathsAndRequestIdsKeepSeriesLabelsAndLogLinesBounded(CapturedOutput output) {
		try (SampleInstance app = SampleInstance.start(Map.of())) {
			// Warm the request path once so that the heap baseline holds its caches.
			app.get("/api/records/recWarmup");
			long heapBefore = SampleInstance.heapAfterGc();
			AirtableMetrics airtable = app.bean(AirtableMetrics.class);
			// 10,000 distinct bases and tables, as the Airtable client interceptor
			// reports them.
			for (int i = 0; i < 10_000; i++) {
				airtable.recordCall(new AirtableRequest("appAttack" + i, "tblAttack" + i, AirtableOperation.LIST), 200,
						1_000_000L);
			}
			// 1,000 distinct URL paths on one route, each a real request (and a real
			// outbound call).
			Load.Result paths = Load.steady(Duration.ofSeconds(10), 100,
					(n) -> HttpRequest.newBuilder(app.uri("/api/records/recAttack" + n))
						.timeout(Duration.ofSeconds(30))
						.build());
			// Hostile X-Request-ID values, sent raw: the JDK client refuses to send CR
			// and LF.
			String tenKilobytes = "A".repeat(10 * 1024);
			List<byte[]> hostile = List.of("abc\r\nFORGED-LOG-LINE: injected".getBytes(StandardCharsets.ISO_8859_1),
					"abc\rFORGED-LOG-LINE bare carriage return".getBytes(StandardCharsets.ISO_8859_1),
					"abc%0d%0aFORGED-LOG-LINE encoded".getBytes(StandardCharsets.ISO_8859_1),
					tenKilobytes.getBytes(StandardCharsets.ISO_8859_1),
					"запрос-✓-ünïcødé".getBytes(StandardCharsets.UTF_8),
					"\"}{\"level\":\"ERROR\",\"message\":\"FORGED-LOG-LINE\"".getBytes(StandardCharsets.UTF_8));
			List<String> answers = new ArrayList<>();
			List<String> echoedIds = new ArrayList<>();
			for (int round = 0; round < 50; round++) {
				for (byte[] value : hostile) {
					String head = rawGet(app.port(), "/api/diagnostics/fail", value);
					answers.add(head.lines().findFirst().orElse(""));
					Matcher echoed = Pattern.compile("(?im)^X-Request-ID: ?(.*)$").matcher(head);
					if (echoed.find()) {
						echoedIds.add(echoed.group(1));
					}
				}
			}
			long heapAfter = SampleInstance.heapAfterGc();
			String scrape = app.scrape();
			Map<String, Integer> series = Scrape.seriesPerMetric(scrape);
			int largest = Collections.max(series.values());
			String largestName = series.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
			Set<String> bases = labelValues(scrape, "airtable_", "base");
			Set<String> tables = labelValues(scrape, "airtable_", "table");
			Set<String> recordUris = new TreeSet<>();
			for (String uri : labelValues(scrape, "http_server_requests_seconds", "uri")) {
				if (uri.startsWith("/api/records/")) {
					recordUris.add(uri);
				}
			}
			List<String> logLines = output.getAll().lines().toList();
			long forgedLines = logLines.stream()
				.filter((line) -> line.startsWith("FORGED")
						|| line.startsWith("{\"level\":\"ERROR\",\"message\":\"FORGED"))
				.count();
			int longestLogLine = logLines.stream().mapToInt(String::length).max().orElse(0);

			String s = "s8-cardinality-attack";
			Figures.record(s, "distinct_bases_tables_recorded", 10_000);
			Figures.record(s, "distinct_paths_requested", paths.count());
			Figures.record(s, "hostile_request_ids_sent", answers.size());
			Figures.record(s, "largest_series_count", largest + " (" + largestName + ")");
			Figures.record(s, "airtable_base_label_values", bases.size());
			Figures.record(s, "airtable_table_label_values", tables.size());
			Figures.record(s, "records_route_uri_values", recordUris);
			Figures.record(s, "forged_log_lines", forgedLines);
			Figures.record(s, "longest_log_line_chars", longestLogLine);
			Figures.record(s, "heap_after_gc_delta", Figures.mb(heapAfter - heapBefore));

			assertThat(paths.failures()).as("%s", paths.failureDetails()).isZero();
			assertThat(answers).allSatisfy((status) -> assertThat(status).matches("HTTP/1.1 [45]\\d\\d .*"));
			assertThat(echoedIds).allSatisfy((id) -> assertThat(id).matches(SAFE_REQUEST_ID));
			assertThat(bases.size()).isLessThanOrEqualTo(101);
			assertThat(tables.size()).isLessThanOrEqualTo(101);
			assertThat(largest).isLessThanOrEqualTo(500);
			assertThat(recordUris).containsExactly("/api/records/{airtableId}");
			assertThat(forgedLines).isZero();
			assertThat(output.getAll()).doesNotContain(tenKilobytes.substring(0, 1024));
			assertThat(heapAfter - heapBefore).isLessThan(20 * MB);
		}
	}

	private static Set<String> labelValues(String scrape, String metricPrefix, String label) {
		Set<String> values = new TreeSet<>();
		Pattern pattern = Pattern.compile("[{,]" + label + "=\"([^\"]*)\"");
		for (String line : scrape.split("\n")) {
			if (line.startsWith(metricPrefix)) {
				Matcher matcher = pattern.matcher(line);
				if (matcher.find()) {
					values.add(matcher.group(1));
				}
			}
		}
		return values;
	}

	/**
	 * A GET with a header value as raw bytes; returns the response's status line and
	 * headers.
	 */
	private static String rawGet(int port, String path, byte[] requestId) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Request-ID: ")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.write(requestId);
			out.write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			int end = response.indexOf("\r\n\r\n");
			return (end >= 0) ? response.substring(0, end) : response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
