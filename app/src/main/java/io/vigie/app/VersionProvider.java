package io.vigie.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code vigie --version}: the Maven version and the git commit the build recorded in
 * {@code io/vigie/app/build.properties} (written by maven-antrun-plugin running git, app/pom.xml).
 */
final class VersionProvider implements IVersionProvider {
    static final String BUILD_PROPERTIES = "/io/vigie/app/build.properties";

    @Override
    public String[] getVersion() {
        Properties build = buildProperties();
        String version = recorded(build, "git.build.version");
        String commit = recorded(build, "git.commit.id.full");
        String time = recorded(build, "git.commit.time");
        boolean dirty = Boolean.parseBoolean(build.getProperty("git.dirty", "false"));
        return new String[] {
            "vigie " + (version == null ? "development build" : version),
            "commit " + (commit == null ? "unknown (built outside a git checkout)"
                    : commit + (dirty ? " (with uncommitted changes)" : "") + (time == null ? "" : " of " + time)),
            "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }

    /** A value the build recorded, or null when it could not (empty, or Ant's unexpanded ${...} without git). */
    private static String recorded(Properties build, String key) {
        String v = build.getProperty(key, "").strip();
        return v.isEmpty() || v.contains("${") ? null : v;
    }

    static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUILD_PROPERTIES + ": " + e.getMessage(), e);
        }
        return p;
    }
}
