package dev.regtrain.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How an instance names itself to the others: {@code host:port/pid}, and the URL it serves on.
 */
public record InstanceAddress(String id, String url) {

    public static InstanceAddress of(int port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return new InstanceAddress(host + ":" + port + "/" + ProcessHandle.current().pid(),
                "http://" + host + ":" + port);
    }
}
