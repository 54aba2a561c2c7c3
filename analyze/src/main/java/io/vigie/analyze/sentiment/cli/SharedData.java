package io.vigie.analyze.sentiment.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root and the shared data sets beside it. */
public final class SharedData {
    private SharedData() {}

    /** System property {@code vigie.repo.root}, else the nearest folder above the working directory with analyze/pom.xml. */
    public static Path repositoryRoot() {
        String property = System.getProperty("vigie.repo.root");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isRegularFile(p.resolve("analyze/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the Vigie repository root: run from inside the checkout or set "
                + "-Dvigie.repo.root");
    }

    /** {@code ../shared/data/sentiment/<set>} beside the repository, with a clear error when it is missing. */
    public static Path sentimentSet(String language) {
        String set = "en".equals(language) ? "tweeteval-en" : "deft2017-fr";
        Path dir = repositoryRoot().resolve("../shared/data/sentiment").resolve(set).normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("shared data set " + dir + " is missing: the shared/ folder must sit "
                    + "beside the repository (../shared), or pass --data DIR");
        }
        return dir;
    }

    /** The folder given with --data, or the shared set of the language; a clear error when it is not a folder. */
    public static Path dataFolder(Path given, String language) {
        if (given == null) {
            return sentimentSet(language);
        }
        if (!Files.isDirectory(given)) {
            throw new IllegalArgumentException("--data " + given + " is not a folder (expected the shared layout: "
                    + "<split>_text.txt and optional <split>_labels.txt)");
        }
        return given;
    }

    public static String checkLanguage(String language) {
        if (!"en".equals(language) && !"fr".equals(language)) {
            throw new IllegalArgumentException("--lang must be en or fr, got " + language);
        }
        return language;
    }
}
