package io.vigie.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An installed release (bin/vigie sets vigie.home) takes the servers from its local-servers/ folder first. */
class LocalServerArtifactsTest {

    @AfterEach
    void clearHome() {
        System.clearProperty("vigie.home");
    }

    @Test
    void aReleaseWithTheServersInLocalServersUsesThoseFiles(@TempDir Path home) throws Exception {
        List<Path> built = LocalServerArtifacts.kafkaBrokerClasspath();
        Path zip = LocalServerArtifacts.elasticsearchZip();
        Path kafka = Files.createDirectories(home.resolve("local-servers/kafka"));
        for (Path jar : built) {
            Files.createFile(kafka.resolve(jar.getFileName()));
        }
        Files.createFile(home.resolve("local-servers").resolve(zip.getFileName()));
        System.setProperty("vigie.home", home.toString());

        List<Path> fromRelease = LocalServerArtifacts.kafkaBrokerClasspath();
        assertEquals(built.size(), fromRelease.size());
        assertTrue(fromRelease.stream().allMatch(p -> p.startsWith(kafka)), fromRelease.toString());
        assertEquals(home.resolve("local-servers").resolve(zip.getFileName()), LocalServerArtifacts.elasticsearchZip());
    }

    @Test
    void aReleaseWithoutThemFallsBackToWhereMavenPutThem(@TempDir Path home) {
        List<Path> built = LocalServerArtifacts.kafkaBrokerClasspath();
        Path zip = LocalServerArtifacts.elasticsearchZip();
        System.setProperty("vigie.home", home.toString());
        assertEquals(built, LocalServerArtifacts.kafkaBrokerClasspath());
        assertEquals(zip, LocalServerArtifacts.elasticsearchZip());
    }
}
