package io.vigie.runtime.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system account Elasticsearch runs under when Vigie runs as root (Elasticsearch refuses root). Created once
 * with {@code useradd --system}, without a home or a login shell; creating it again is a no-op, also when several
 * Vigie processes race to create it.
 */
final class UnprivilegedAccount {
    private static final Logger log = LoggerFactory.getLogger(UnprivilegedAccount.class);

    private final String name;

    UnprivilegedAccount(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    static boolean currentUserIsRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Creates the account if it does not exist yet. */
    void ensureExists() {
        if (exists()) {
            return;
        }
        for (int attempt = 1; attempt <= 5; attempt++) {
            Result r = run(List.of("useradd", "--system", "--user-group", "--no-create-home",
                    "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin",
                    "--comment", "Vigie local Elasticsearch", name));
            if (r.exit() == 0) {
                log.info("account created name={} reason=Elasticsearch refuses to run as root", name);
                return;
            }
            if (exists()) {
                return; // another Vigie process created it meanwhile
            }
            // exit 10: /etc/passwd locked by a concurrent useradd; try again shortly.
            if (r.exit() != 10 || attempt == 5) {
                throw new LocalServerException("cannot create the system account " + name
                        + " that Elasticsearch runs under (useradd exit " + r.exit() + ": " + r.output().strip()
                        + "): create it yourself with: useradd --system --user-group " + name);
            }
            sleep(200L * attempt);
        }
    }

    private boolean exists() {
        return run(List.of("id", "-u", name)).exit() == 0;
    }

    /**
     * The first existing parent directory of {@code path} the account cannot pass through (no execute permission for
     * others, as {@code /root} with mode 700), or null when it can reach {@code path}.
     */
    Path firstClosedParent(Path path) {
        for (Path dir = path.toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
            if (!Files.exists(dir)) {
                continue; // created later by Vigie, open to others under the usual umask
            }
            try {
                PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class);
                if (!a.permissions().contains(PosixFilePermission.OTHERS_EXECUTE)
                        && !a.owner().getName().equals(name)) {
                    return dir;
                }
            } catch (IOException e) {
                throw new LocalServerException("cannot check " + dir + ": " + e.getMessage(), e);
            }
        }
        return null;
    }

    /** Fails with a one-line fix when the account cannot reach {@code path}. */
    void requireTraversable(Path path) {
        Path closed = firstClosedParent(path);
        if (closed != null) {
            String mode;
            try {
                mode = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(closed));
            } catch (IOException e) {
                mode = "unknown";
            }
            throw new LocalServerException("Elasticsearch runs as the unprivileged account " + name
                    + ", which cannot enter " + closed + " (mode " + mode
                    + "): pass a --data-dir outside it (e.g. /var/lib/vigie) or run chmod o+x " + closed);
        }
    }

    /** Gives the account every file under {@code root} (the unpacked distribution, its data and logs). */
    void takeOwnership(Path root) {
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        try {
            UserPrincipal user = lookup.lookupPrincipalByName(name);
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(name);
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    PosixFileAttributeView view =
                            Files.getFileAttributeView(f, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                    PosixFileAttributes a = view.readAttributes();
                    if (!a.owner().equals(user)) {
                        view.setOwner(user);
                    }
                    if (!a.group().equals(group)) {
                        view.setGroup(group);
                    }
                }
            }
        } catch (IOException e) {
            throw new LocalServerException("cannot give " + root + " to the account " + name + ": " + e.getMessage(), e);
        }
    }

    /** setpriv options that run the command as this account. */
    List<String> setprivOptions() {
        return List.of("--reuid=" + name, "--regid=" + name, "--init-groups");
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
