package io.vigie.analyze.sentiment.cli;

import io.vigie.analyze.sentiment.evaluation.LabelledTexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /**
     * The extra training folders of a language when none are given: French adds DEFT 2017 task 1 (3,405 political
     * tweets, another domain; measured to help, see analyze/README.md); English has none.
     */
    public static List<Path> defaultExtraTraining(String language) {
        if (!"fr".equals(language)) {
            return List.of();
        }
        Path dir = repositoryRoot().resolve("../shared/data/sentiment/deft2017-task1-fr").normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("shared data set " + dir + " is missing: the French model trains on it "
                    + "too; put shared/ beside the repository, or pass --extra-train none");
        }
        return List.of(dir);
    }

    /** The training split of {@code dir} followed by the training split of each extra folder. */
    public static LabelledTexts trainingData(Path dir, List<Path> extra) {
        LabelledTexts training = LabelledTexts.read(dir, LabelledTexts.trainingSplit(dir));
        for (Path more : extra) {
            training = training.plus(LabelledTexts.read(more, LabelledTexts.trainingSplit(more)));
        }
        return training;
    }

    /** --extra-train as given ("none" for no folder), or the language's default when the main data is the default. */
    public static List<Path> extraTraining(List<String> given, Path data, String language) {
        if (given == null || given.isEmpty()) {
            return data == null ? defaultExtraTraining(language) : List.of();
        }
        if (given.size() == 1 && "none".equals(given.get(0))) {
            return List.of();
        }
        List<Path> out = new java.util.ArrayList<>();
        for (String g : given) {
            Path p = Path.of(g);
            if (!Files.isDirectory(p)) {
                throw new IllegalArgumentException("--extra-train " + g + " is not a folder with train_text.txt");
            }
            out.add(p);
        }
        return out;
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
