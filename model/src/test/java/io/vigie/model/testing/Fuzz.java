package io.vigie.model.testing;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounded, seeded mutation fuzzing for plain JUnit tests: mutated copies of real inputs, each fed to a target under a
 * timeout, for a few seconds. The seed is printed; {@code -Dvigie.fuzz.seed=N} replays a run (the same seed gives the
 * same inputs in the same order), {@code -Dvigie.fuzz.seconds=S} runs longer (default 3 per entry point).
 * The target throws only on a bug: it catches the documented errors itself and checks them.
 *
 * <p>Shared by every module's fuzz tests through this module's test jar ({@code vigie-model}, type {@code test-jar}).
 */
public final class Fuzz {
    /** One fuzzed entry point: takes an input, throws on a bug. */
    public interface Target {
        void accept(String input) throws Exception;
    }

    private static final String[] ODD = {"\u0000", "\uFFFF", "\uD800", "\uDC00", "\u202E", "\r\n", "\t", "\\", "\"",
            "'", "<", ">", "&", ";", ":", "=", "{", "}", "[", "]", "(", ")", "*", "-", "#", "%", "%00", "\u00e9",
            "\uD83D\uDE00", "999999999999999999999", "-1", "0", "1e309", "NaN"};

    private final String name;
    private final long seed;
    private final Random random;
    private final Duration budget;
    private final Duration perInput;

    public Fuzz(String name, Duration perInput) {
        this.name = name;
        String given = System.getProperty("vigie.fuzz.seed");
        this.seed = given == null || given.isBlank() ? System.nanoTime() : Long.parseLong(given.trim());
        this.random = new Random(seed);
        this.budget = Duration.ofMillis((long) (1000 * Double.parseDouble(System.getProperty("vigie.fuzz.seconds", "3"))));
        this.perInput = perInput;
        System.out.println("fuzz " + name + " seed=" + seed + " seconds=" + budget.toMillis() / 1000.0
                + " (replay with -Dvigie.fuzz.seed=" + seed + ")");
    }

    public Random random() {
        return random;
    }

    /** A mutated copy of one of {@code corpus}: one to four edits, with pieces of {@code dictionary} and odd characters. */
    public String mutate(List<String> corpus, List<String> dictionary) {
        StringBuilder s = new StringBuilder(corpus.get(random.nextInt(corpus.size())));
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length() + 1);
            int len = s.length() - at == 0 ? 0 : 1 + random.nextInt(Math.min(s.length() - at, 64));
            switch (random.nextInt(7)) {
                case 0 -> s.insert(at, dictionary.get(random.nextInt(dictionary.size())));
                case 1 -> s.insert(at, ODD[random.nextInt(ODD.length)]);
                case 2 -> s.delete(at, at + len);
                case 3 -> s.insert(at, s.substring(at, at + len).repeat(1 + random.nextInt(8)));
                case 4 -> {
                    if (len > 0) {
                        s.setCharAt(at, (char) random.nextInt(0x3000));
                    }
                }
                case 5 -> s.setLength(at);
                default -> {
                    String other = corpus.get(random.nextInt(corpus.size()));
                    int from = other.isEmpty() ? 0 : random.nextInt(other.length());
                    s.insert(at, other, from, Math.min(other.length(), from + 1 + random.nextInt(200)));
                }
            }
        }
        return s.toString();
    }

    /** Feeds mutated inputs to {@code target} until the budget is spent; returns how many ran. */
    public int run(List<String> corpus, List<String> dictionary, Target target) throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + name);
            t.setDaemon(true);
            return t;
        });
        int n = 0;
        try {
            for (String c : corpus) {
                once(worker, target, c, n++);
            }
            // The budget is for the mutations: the corpus, read once as it is, comes first whatever its size.
            long end = System.nanoTime() + budget.toNanos();
            while (System.nanoTime() < end) {
                once(worker, target, mutate(corpus, dictionary), n++);
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.println("fuzz " + name + " seed=" + seed + " inputs=" + n);
        return n;
    }

    private void once(ExecutorService worker, Target target, String input, int n) throws Exception {
        Future<?> f = worker.submit(() -> {
            target.accept(input);
            return null;
        });
        try {
            f.get(perInput.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError(failure(n, input, "no answer within " + perInput.toMillis() + " ms"), e);
        } catch (ExecutionException e) {
            throw new AssertionError(failure(n, input, e.getCause().toString()), e.getCause());
        }
    }

    private String failure(int n, String input, String what) {
        String shown = input.length() > 2000 ? input.substring(0, 2000) + "…(" + input.length() + " chars)" : input;
        return "fuzz " + name + " seed=" + seed + " input #" + n + ": " + what + "\ninput: " + shown;
    }
}
