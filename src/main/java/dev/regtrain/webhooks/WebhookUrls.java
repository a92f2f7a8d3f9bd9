package dev.regtrain.webhooks;

import dev.regtrain.common.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What a webhook URL must be when it is registered (where it may point is checked at every delivery). */
final class WebhookUrls {

    static final int MAX_LENGTH = 2048;

    private WebhookUrls() {
    }

    static URI check(String url, boolean allowHttp) {
        if (url == null || url.isBlank()) {
            throw invalid("is required: the https URL events are posted to");
        }
        if (url.length() > MAX_LENGTH) {
            throw invalid("must be at most " + MAX_LENGTH + " characters; it has " + url.length());
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid("must be an https URL" + (allowHttp ? " (or http)" : "") + "; got scheme '"
                    + (uri.getScheme() == null ? "" : uri.getScheme()) + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("must not contain credentials (user:password@); authenticate the requests by their "
                    + "signature");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("must name a host");
        }
        if (scheme.equals("http") && !allowHttp) {
            throw invalid("must be https; http is allowed only with regtrain.webhooks.allow-http=true");
        }
        return uri;
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException("url", message);
    }
}
