package dev.regtrain.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves a URL's host at every delivery (tests give names the addresses they need). */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The system's resolver; a bracketed IPv6 literal is its address. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
