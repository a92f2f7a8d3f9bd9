package dev.regtrain.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Delivers with Apache HttpClient 5: a client per delivery whose {@link DnsResolver} answers only the addresses the
 * check approved, so the connection goes to a checked address (no second lookup that DNS rebinding could answer
 * differently), while TLS still sends SNI for the host name and verifies the certificate against it. Redirects are
 * not followed, nothing is retried by the client, no proxy from the environment is used, and at most
 * {@link #MAX_RESPONSE_BYTES} of an answer are read before the connection is cut.
 *
 * <p>The timeout bounds the whole attempt, not only each connect and each read: a receiver that drips its answer a
 * byte at a time, each within the read timeout, is cut when the attempt's time is up.
 */
final class HttpWebhookSender implements WebhookSender {

    static final int MAX_RESPONSE_BYTES = 1024;

    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final Duration timeout;

    HttpWebhookSender(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public int post(URI url, List<InetAddress> addresses, Map<String, String> headers, byte[] body)
            throws IOException {
        InetAddress[] checked = addresses.toArray(InetAddress[]::new);
        DnsResolver onlyChecked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) {
                return checked.clone();
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return host;
            }
        };
        long millis = timeout.toMillis();
        ConnectionConfig connection = ConnectionConfig.custom().setConnectTimeout(millis, TimeUnit.MILLISECONDS)
                .setSocketTimeout((int) millis, TimeUnit.MILLISECONDS).build();
        RequestConfig request = RequestConfig.custom().setRedirectsEnabled(false)
                .setResponseTimeout(millis, TimeUnit.MILLISECONDS)
                .setConnectionRequestTimeout(millis, TimeUnit.MILLISECONDS).build();
        try (CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(onlyChecked)
                        .setDefaultConnectionConfig(connection).build())
                .setDefaultRequestConfig(request).disableRedirectHandling().disableAutomaticRetries()
                .disableCookieManagement().disableAuthCaching().disableContentCompression()
                .setUserAgent("regtrain-webhooks/1").build()) {
            HttpPost post = new HttpPost(url);
            headers.forEach(post::setHeader);
            post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
            AtomicBoolean late = new AtomicBoolean();
            ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
                late.set(true);
                post.cancel();
            }, millis, TimeUnit.MILLISECONDS);
            try {
                return send(client, post);
            } catch (IOException e) {
                if (late.get()) {
                    throw new SocketTimeoutException("the attempt took longer than its timeout of " + millis + " ms");
                }
                throw e;
            } finally {
                deadline.cancel(false);
            }
        }
    }

    private static int send(CloseableHttpClient client, HttpPost post) throws IOException {
        CloseableHttpResponse response = client.execute(post);
        int status = response.getCode();
        if (response.getEntity() != null) {
            InputStream in = response.getEntity().getContent();
            in.readNBytes(MAX_RESPONSE_BYTES);
        }
        // cut the connection before anything is closed: closing the stream would read the rest of the answer
        post.cancel();
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is already cut
        }
        return status;
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
