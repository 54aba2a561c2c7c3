package io.vigie.runtime.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashSet;
import java.util.Set;

/** Port checks made before a server starts, so a taken port is one clear line instead of a buried bind error. */
public final class Ports {
    private Ports() {}

    /**
     * Throws when {@code port} cannot be bound on 127.0.0.1.
     *
     * @param option the command-line option that changes this port, named in the error
     */
    public static void requireFree(int port, String option) {
        if (!isFree(port)) {
            throw new LocalServerException("port " + port + " is taken: stop what uses it or pass " + option);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when something accepts TCP connections on 127.0.0.1:{@code port}; never binds, so it cannot race a server. */
    public static boolean accepting(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code count} distinct ports free right now on 127.0.0.1, chosen by the kernel. Another process could take
     * one before it is used; tests accept that small race instead of fixed ports several engineers would share.
     */
    public static int[] free(int count) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < count) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                ports.add(socket.getLocalPort());
            } catch (IOException e) {
                throw new LocalServerException("cannot find a free port on 127.0.0.1: " + e.getMessage(), e);
            }
        }
        return ports.stream().mapToInt(Integer::intValue).toArray();
    }
}
