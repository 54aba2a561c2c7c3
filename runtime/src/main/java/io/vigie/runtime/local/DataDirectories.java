package io.vigie.runtime.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Wipes what the servers stored under a data directory while keeping the unpacked Elasticsearch distribution. */
final class DataDirectories {
    private DataDirectories() {}

    static void clearServerData(Path dataDirectory) {
        for (Path dir : List.of(dataDirectory.resolve("kafka"), dataDirectory.resolve("elasticsearch/data"),
                dataDirectory.resolve("elasticsearch/logs"), dataDirectory.resolve("elasticsearch/tmp"))) {
            deleteTree(dir);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new LocalServerException("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }
}
