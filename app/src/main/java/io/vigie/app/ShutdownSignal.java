package io.vigie.app;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a long-running command waits for before stopping: SIGTERM or Ctrl-C (SIGINT).
 *
 * <p>The signals are caught (through {@code sun.misc.Signal}, the JDK's only way to do it) instead of left to the JVM
 * so the command stops its services and servers on the main thread, in order, and exits 0; a second signal while
 * stopping exits at once, and the shutdown hooks (which stop the local servers by pid) still run. Where the JDK does
 * not offer signal handling, the JVM's default applies: shutdown hooks stop the local servers.
 */
public class ShutdownSignal {
    private static final Logger log = LoggerFactory.getLogger(ShutdownSignal.class);

    private final CountDownLatch requested = new CountDownLatch(1);

    /** Catches SIGTERM and SIGINT from now on. */
    public static ShutdownSignal onTermOrInterrupt() {
        ShutdownSignal signal = new ShutdownSignal();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> signal.received("SIG" + s.getName()));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                log.warn("signal not caught signal=SIG{} reason={}", name, e.getMessage());
            }
        }
        return signal;
    }

    public void received(String what) {
        if (requested.getCount() == 0) {
            log.warn("stop forced signal={} reason=second signal while stopping", what);
            System.exit(130);
        }
        log.info("stop requested signal={}", what);
        requested.countDown();
    }

    /** True once a stop was requested. */
    public boolean requested() {
        return requested.getCount() == 0;
    }

    /** Blocks until a stop is requested. */
    public void await() throws InterruptedException {
        requested.await();
    }
}
