package io.vigie.runtime.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code java} launcher of the running JVM: the local servers run on the same JDK as Vigie. */
final class JavaLauncher {
    private JavaLauncher() {}

    /** The JDK home the children use (also Elasticsearch's {@code ES_JAVA_HOME}). */
    static Path javaHome() {
        Path home = Path.of(System.getProperty("java.home"));
        Path java = home.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            throw new LocalServerException("cannot find the java launcher at " + java
                    + " to start the local servers: install a JDK 17 or newer"
                    + " (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME to one");
        }
        return home;
    }

    static String java() {
        return javaHome().resolve("bin").resolve("java").toString();
    }
}
