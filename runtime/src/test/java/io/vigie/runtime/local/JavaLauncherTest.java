package io.vigie.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaLauncherTest {

    @Test
    void theChildrenUseTheJavaOfTheRunningJdk() {
        assertEquals(Path.of(System.getProperty("java.home")), JavaLauncher.javaHome());
        assertTrue(Files.isExecutable(Path.of(JavaLauncher.java())));
    }

    @Test
    void aJdkWithoutAJavaLauncherIsOneLineSayingWhatToInstall(@TempDir Path notAJdk) {
        String real = System.getProperty("java.home");
        System.setProperty("java.home", notAJdk.toString());
        try {
            LocalServerException e = assertThrows(LocalServerException.class, JavaLauncher::javaHome);
            assertEquals("cannot find the java launcher at " + notAJdk.resolve("bin/java")
                    + " to start the local servers: install a JDK 17 or newer"
                    + " (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME to one", e.getMessage());
        } finally {
            System.setProperty("java.home", real);
        }
    }
}
