package io.vigie.runtime.testdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the repository's {@code testdata/<set>} folder for the tests of every module. It lives in {@code runtime}
 * (a library every stage depends on) so that each stage's tests find the data one way, without a test-jar.
 *
 * <p>It walks up from the working directory (Surefire and Failsafe run in the module directory) and from the
 * {@code vigie.repo.root} system property (the reactor root Maven passes), so a test works from the clone alone,
 * whether run through the reactor, in one module, or from an IDE.
 */
public final class TestData {
    /** The repository folder holding the data sets tests read. */
    public static final String FOLDER = "testdata";

    private TestData() {}

    /** {@code testdata/<set>} (e.g. {@code "nab"}, {@code "sentiment/tweeteval-en"}), or a clear error naming where it looked. */
    public static Path set(String set) {
        return repositoryPath(FOLDER + "/" + set);
    }

    /** A file or folder of the repository by its path from the root (e.g. {@code "docs/prometheus-alerts.yml"}). */
    public static Path repositoryPath(String relative) {
        List<Path> tried = new ArrayList<>();
        for (Path start : starts()) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(relative);
                if (Files.exists(candidate)) {
                    return candidate;
                }
                tried.add(candidate);
            }
        }
        throw new IllegalStateException(relative + " is missing: not found above the working directory or"
                + " vigie.repo.root (looked at " + tried + ")");
    }

    private static List<Path> starts() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath().normalize());
        String root = System.getProperty("vigie.repo.root");
        if (root != null && !root.isBlank()) {
            starts.add(Path.of(root).toAbsolutePath().normalize());
        }
        return starts;
    }
}
