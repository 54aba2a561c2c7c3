package io.vigie.runtime.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Where Maven put the Kafka broker jars and the Elasticsearch zip, as the {@code local-servers} module recorded
 * them at build time (resources under {@code io/vigie/localservers/}), or, for an installed release, the
 * {@code local-servers/} folder of the release when the operator put them there.
 */
final class LocalServerArtifacts {
    private static final String BASE = "io/vigie/localservers/";

    private LocalServerArtifacts() {}

    static List<Path> kafkaBrokerClasspath() {
        List<Path> recorded = Arrays.stream(resource("kafka-broker.classpath").trim().split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList();
        Path releaseFolder = releaseFolder().map(f -> f.resolve("kafka")).orElse(null);
        if (releaseFolder != null && Files.isDirectory(releaseFolder)) {
            List<Path> inRelease = recorded.stream().map(jar -> releaseFolder.resolve(jar.getFileName())).toList();
            if (inRelease.stream().allMatch(Files::isRegularFile)) {
                return inRelease;
            }
        }
        for (Path jar : recorded) {
            if (!Files.isRegularFile(jar)) {
                throw new LocalServerException("the Kafka broker jar " + jar + " is missing. " + whereToPut(
                        "the " + recorded.size() + " jars of org.apache.kafka:kafka_2.13:" + kafkaVersion()
                                + " and its runtime dependencies (" + jar.getFileName() + " among them)",
                        releaseFolder == null ? null : releaseFolder));
            }
        }
        return recorded;
    }

    static Path elasticsearchZip() {
        Path recorded = Path.of(resource("elasticsearch-zip.path").trim());
        Path inRelease = releaseFolder().map(f -> f.resolve(recorded.getFileName())).orElse(null);
        if (inRelease != null && Files.isRegularFile(inRelease)) {
            return inRelease;
        }
        if (!Files.isRegularFile(recorded)) {
            throw new LocalServerException("the Elasticsearch zip " + recorded + " is missing. " + whereToPut(
                    "org.elasticsearch.distribution.integ-test-zip:elasticsearch:" + elasticsearchVersion() + ":zip",
                    inRelease == null ? null : inRelease));
        }
        return recorded;
    }

    /**
     * A release (bin/vigie sets {@code vigie.home}) does not bundle the servers: {@code vigie local} takes them from
     * {@code <vigie.home>/local-servers/}, else from where Maven put them when Vigie was built.
     */
    private static Optional<Path> releaseFolder() {
        String home = System.getProperty("vigie.home");
        return home == null || home.isBlank() ? Optional.empty()
                : Optional.of(Path.of(home, "local-servers"));
    }

    private static String whereToPut(String what, Path releasePlace) {
        return "`vigie local` needs " + what + " (from Maven Central)"
                + (releasePlace == null
                        ? ": rebuild with ./mvnw -B -DskipTests package so Maven fetches it again"
                        : ": put it at " + releasePlace + ", or run `vigie local` from a source checkout built with"
                                + " ./mvnw -B -DskipTests package; production needs neither (your own clusters)");
    }

    static String kafkaVersion() {
        return versions().getProperty("kafka.version");
    }

    static String elasticsearchVersion() {
        return versions().getProperty("elasticsearch.version");
    }

    private static Properties versions() {
        Properties p = new Properties();
        try (InputStream in = open("local-servers.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new LocalServerException("cannot read " + BASE + "local-servers.properties: " + e.getMessage(), e);
        }
        return p;
    }

    private static String resource(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalServerException("cannot read " + BASE + name + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = LocalServerArtifacts.class.getClassLoader().getResourceAsStream(BASE + name);
        if (in == null) {
            throw new LocalServerException("resource " + BASE + name + " is not on the classpath: the vigie-local-servers"
                    + " jar is missing; build with ./mvnw -B -DskipTests package");
        }
        return in;
    }
}
