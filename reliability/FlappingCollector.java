import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * The soak's OTLP/HTTP collector on 127.0.0.1 (JDK only, run as a source file): in cycles of
 * 40 s it answers 200 for 20 s, 503 for 10 s, then refuses connections (port closed) for 10 s.
 * Prints one line per cycle with the exports answered. Usage: java FlappingCollector.java PORT
 */
public class FlappingCollector {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		AtomicLong ok = new AtomicLong();
		AtomicLong unavailable = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		for (int cycle = 1;; cycle++) {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
			boolean[] healthy = { true };
			server.createContext("/v1/traces", (exchange) -> {
				bytes.addAndGet(exchange.getRequestBody().readAllBytes().length);
				int status = healthy[0] ? 200 : 503;
				(healthy[0] ? ok : unavailable).incrementAndGet();
				exchange.sendResponseHeaders(status, -1);
				exchange.close();
			});
			server.setExecutor(Executors.newFixedThreadPool(2));
			server.start();
			Thread.sleep(20_000);
			healthy[0] = false;
			Thread.sleep(10_000);
			server.stop(0);
			((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
			System.out.println("collector cycle=" + cycle + " answered_200=" + ok.get() + " answered_503="
					+ unavailable.get() + " bytes=" + bytes.get());
			Thread.sleep(10_000);
		}
	}

}
