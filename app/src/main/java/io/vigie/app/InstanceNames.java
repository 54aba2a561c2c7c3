package io.vigie.app;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The instance id a process gives its stages: host name and pid, unique among instances of a service. */
public final class InstanceNames {
    private InstanceNames() {}

    public static String forThisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        return host.replaceAll("[^A-Za-z0-9.-]", "-") + "-" + ProcessHandle.current().pid();
    }
}
