package io.vigie.runtime.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Where Maven put the Kafka broker jars and the Elasticsearch zip, as the {@code local-servers} module recorded
 * them at build time (resources under {@code io/vigie/localservers/}).
 */
final class LocalServerArtifacts {
    private static final String BASE = "io/vigie/localservers/";

    private LocalServerArtifacts() {}

    static List<Path> kafkaBrokerClasspath() {
        List<Path> jars = Arrays.stream(resource("kafka-broker.classpath").trim().split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new LocalServerException("the Kafka broker jar " + jar
                        + " is missing: rebuild with ./mvnw -B -DskipTests package so Maven fetches it again");
            }
        }
        return jars;
    }

    static Path elasticsearchZip() {
        Path zip = Path.of(resource("elasticsearch-zip.path").trim());
        if (!Files.isRegularFile(zip)) {
            throw new LocalServerException("the Elasticsearch zip " + zip
                    + " is missing: rebuild with ./mvnw -B -DskipTests package so Maven fetches it again");
        }
        return zip;
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
