package dev.regtrain.webhooks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Posts one signed delivery; the HTTP adapter connects only to the addresses it is given. */
@FunctionalInterface
public interface WebhookSender {

    /**
     * @param addresses the addresses of the URL's host that passed the address check: the only ones connected to
     * @return the receiver's status code (redirects are answers, not followed)
     * @throws IOException when no answer came: refused, timed out, reset, a TLS failure
     */
    int post(URI url, List<InetAddress> addresses, Map<String, String> headers, byte[] body) throws IOException;
}
