package io.vigie.analyze.language.cli;

import io.vigie.analyze.language.LanguageGuess;
import io.vigie.analyze.language.LanguageIdentifier;
import io.vigie.analyze.sentiment.cli.SharedData;
import io.vigie.analyze.sentiment.evaluation.LabelledTexts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code vigie eval language}: how often the identifier names the right language on the shared English and French
 * tweets (all splits), without a hint, and how fast (single thread, after a warm-up pass).
 */
@Command(name = "language", mixinStandardHelpOptions = true,
        description = "Accuracy and texts/s of language identification on the shared English and French tweets.")
public final class EvalLanguageCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        LanguageIdentifier identifier = LanguageIdentifier.standard();
        for (String language : List.of("en", "fr")) {
            Path dir = SharedData.sentimentSet(language);
            List<String> texts = new ArrayList<>(LabelledTexts.read(dir, "val").texts());
            texts.addAll(LabelledTexts.read(dir, LabelledTexts.trainingSplit(dir)).texts());
            for (String t : texts) {
                identifier.identify(t, null);
            }
            int right = 0;
            int other = 0;
            long start = System.nanoTime();
            for (String t : texts) {
                LanguageGuess g = identifier.identify(t, null);
                if (g.language().equals(language)) {
                    right++;
                } else if (g.language().equals(LanguageGuess.OTHER)) {
                    other++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "language=%s texts=%d accuracy=%.4f said_other=%d said_wrong_language=%d "
                    + "texts_per_s=%.0f%n", language, texts.size(), (double) right / texts.size(), other,
                    texts.size() - right - other, texts.size() / seconds);
        }
        return 0;
    }
}
