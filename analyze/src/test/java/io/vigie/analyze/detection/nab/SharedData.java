package io.vigie.analyze.detection.nab;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code ../shared} from the repository root that Surefire passes as {@code vigie.repo.root}. */
final class SharedData {
    private SharedData() {}

    static Path nab() {
        String root = System.getProperty("vigie.repo.root");
        if (root == null) {
            throw new IllegalStateException("system property vigie.repo.root is not set: run the tests through Maven"
                    + " (./mvnw -pl analyze -am test), which sets it to the repository root");
        }
        Path nab = Path.of(root).resolve("../shared/data/nab").normalize();
        if (!Files.isDirectory(nab.resolve("data"))) {
            throw new IllegalStateException("the shared NAB data is missing: expected " + nab
                    + " (the repository's ../shared folder, see shared/README.md)");
        }
        return nab;
    }
}
