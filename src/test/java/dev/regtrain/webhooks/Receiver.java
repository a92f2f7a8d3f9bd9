package dev.regtrain.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real webhook receiver on a local address (the JDK's HTTP server): it records every request and answers with
 * the statuses the test queues (204 when none is queued).
 */
public final class Receiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Request(String path, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** What the receiver does with one request. */
    public interface Answer {
    }

    public record Status(int code) implements Answer {
    }

    public record Redirect(int code, String location) implements Answer {
    }

    /** Answers 200 with a body far larger than a sender should read. */
    public record Huge(int bytes) implements Answer {
    }

    /** Answers only when the test releases it (or the receiver closes). */
    public record Hang() implements Answer {
    }

    /** Answers 200 and then a byte at a time, each well within a read timeout, until the receiver closes. */
    public record Drip(Duration everyByte) implements Answer {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean hugeBodyCut = new AtomicBoolean();
    private final AtomicBoolean dripCut = new AtomicBoolean();

    public Receiver(String address) throws IOException {
        this(address, 0);
    }

    /** @param port 0 for any free port */
    public Receiver(String address, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static Receiver on127001() throws IOException {
        return new Receiver("127.0.0.1");
    }

    public String url(String path) {
        String host = server.getAddress().getAddress().getHostAddress();
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Receiver answer(Answer... queued) {
        answers.addAll(List.of(queued));
        return this;
    }

    public Receiver answer(int... statuses) {
        for (int status : statuses) {
            answers.add(new Status(status));
        }
        return this;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Whether the sender cut the connection before a {@link Huge} body was sent whole. */
    public boolean hugeBodyCut() {
        return hugeBodyCut.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes()));
            Answer answer = answers.poll();
            Answer chosen = answer == null ? new Status(204) : answer;
            if (chosen instanceof Status s) {
                exchange.sendResponseHeaders(s.code(), -1);
            } else if (chosen instanceof Redirect r) {
                exchange.getResponseHeaders().add("Location", r.location());
                exchange.sendResponseHeaders(r.code(), -1);
            } else if (chosen instanceof Huge h) {
                sendHuge(exchange, h.bytes());
            } else if (chosen instanceof Drip d) {
                drip(exchange, d.everyByte());
            } else {
                release.await(30, TimeUnit.SECONDS);
                exchange.sendResponseHeaders(204, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendHuge(HttpExchange exchange, int bytes) {
        try {
            exchange.sendResponseHeaders(200, bytes);
            OutputStream out = exchange.getResponseBody();
            byte[] chunk = new byte[64 * 1024];
            for (int sent = 0; sent < bytes; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, bytes - sent));
                out.flush();
            }
        } catch (IOException e) {
            hugeBodyCut.set(true);
        }
    }

    private void drip(HttpExchange exchange, Duration everyByte) throws InterruptedException {
        try {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            while (!release.await(everyByte.toMillis(), TimeUnit.MILLISECONDS)) {
                out.write('.');
                out.flush();
            }
        } catch (IOException e) {
            dripCut.set(true);
        }
    }

    /** Whether the sender cut the connection while a {@link Drip} was still answering. */
    public boolean dripCut() {
        return dripCut.get();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
