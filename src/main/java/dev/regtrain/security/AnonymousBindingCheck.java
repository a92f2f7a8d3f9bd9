package dev.regtrain.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Secure by default: without keys ({@code regtrain.security.mode=none}) anyone who reaches the port owns every job, so
 * the service refuses to start bound ({@code server.address}) to anything but a loopback address, unless the operator
 * says {@code regtrain.security.allow-anonymous=true}; then it warns. No address at all means every interface.
 */
@Component
class AnonymousBindingCheck implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(AnonymousBindingCheck.class);

    private final SecurityProperties properties;
    private final Environment environment;

    AnonymousBindingCheck(SecurityProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        if (properties.keys()) {
            return;
        }
        String address = environment.getProperty("server.address");
        if (isLoopback(address)) {
            return;
        }
        String where = address == null || address.isBlank() ? "every interface" : address;
        if (!properties.allowAnonymous()) {
            throw new IllegalStateException("regtrain.security.mode is 'none' (no keys) and server.address is " + where
                    + ", which is not loopback: anyone who reaches the port could read, cancel and delete every job. "
                    + "Bind to 127.0.0.1, or turn keys on (regtrain.security.mode=api-key), or accept the risk with "
                    + "regtrain.security.allow-anonymous=true");
        }
        LOG.warn("regtrain.security.mode is 'none' and the service listens on {}: anyone who reaches the port can "
                + "read, cancel and delete every job (regtrain.security.allow-anonymous=true)", where);
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
