package io.vigie.app.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fictional cast, modelled on the Kryptonite case: a bike-lock maker (Mithril), two competitors (Ferrox, Clavo),
 * a pen maker (Scriba), and the homonym: "mithril" is also the metal of Tolkien's fans, whose chatter the lock maker's
 * query excludes. Calm chatter is a real tweet (copied from the shared sentiment sets, see CHATTER-SOURCE.md) led in
 * by a sentence that names the brand, so the brand's own sentence (what brand-targeted sentiment reads) stays calm.
 */
final class DemoCast {
    /** A watched brand: {@code lockMaker} false for the pen maker. */
    record Brand(String id, String name, String query, boolean lockMaker) {}

    static final Brand MITHRIL = new Brand("mithril", "Mithril",
            "mithril -frodo -frodon -bilbo -tolkien -hobbit -hobbits -moria -gandalf -nains -dwarves"
                    + " -\"terre du milieu\" -\"middle earth\"", true);
    static final Brand FERROX = new Brand("ferrox", "Ferrox", "ferrox", true);
    static final Brand CLAVO = new Brand("clavo", "Clavo", "clavo", true);
    static final Brand SCRIBA = new Brand("scriba", "Scriba", "scriba", false);
    static final List<Brand> BRANDS = List.of(MITHRIL, FERROX, CLAVO, SCRIBA);

    private static final String[] LOCK_LEAD_EN = {
        "Day %d with my %s lock, still solid.", "Locked my bike with the %s chain at the station again (%d).",
        "Still happy with my %s U-lock, ride number %d.", "Commute %d: %s lock on, bike safe.",
    };
    private static final String[] LOCK_LEAD_FR = {
        "Jour %d avec mon antivol %s, rien à signaler.", "Vélo attaché avec mon %s devant la gare (%d).",
        "Toujours content de mon cadenas %s, sortie numéro %d.", "Trajet %d : antivol %s en place, vélo tranquille.",
    };
    private static final String[] PEN_LEAD_EN = {
        "Notes of day %d written with my %s pen.", "My %s ballpoint still writes fine (%d).",
    };
    private static final String[] PEN_LEAD_FR = {
        "Notes du jour %d prises avec mon stylo %s.", "Mon stylo %s écrit toujours bien (%d).",
    };
    private static final String[] FANS_EN = {
        "Frodo's mithril shirt is still the best armour in Middle-earth (%d).",
        "Rereading Tolkien tonight: the dwarves of Moria and their mithril (%d).",
        "Bilbo gave Frodo the mithril coat, best gift ever (%d).",
    };
    private static final String[] FANS_FR = {
        "La cotte de mithril de Frodon, la meilleure scène du film (%d).",
        "Je relis Tolkien : les nains de la Moria et leur mithril (%d).",
        "Bilbo offre la cotte de mithril à Frodon, quel cadeau (%d).",
    };

    private final Map<String, List<String>> tweets = new LinkedHashMap<>();
    private final Map<String, Integer> next = new LinkedHashMap<>();
    private int counter;

    DemoCast() {
        tweets.put("en", load("chatter-en.tsv"));
        tweets.put("fr", load("chatter-fr.tsv"));
    }

    /** A calm mention of {@code brand}, in {@code language}: a lead-in naming it, then a tweet never used before. */
    synchronized String calm(Brand brand, String language) {
        int n = ++counter;
        String[] leads = brand.lockMaker()
                ? (language.equals("fr") ? LOCK_LEAD_FR : LOCK_LEAD_EN)
                : (language.equals("fr") ? PEN_LEAD_FR : PEN_LEAD_EN);
        String lead = leads[n % leads.length];
        // The two patterns put the number and the name in either order.
        String sentence = lead.indexOf("%d") < lead.indexOf("%s")
                ? lead.formatted(n, brand.name()) : lead.formatted(brand.name(), n);
        return sentence + " " + tweet(language);
    }

    /** A fan's post about Tolkien's mithril: the homonym, never the brand. */
    synchronized String fans(String language) {
        int n = ++counter;
        String[] texts = language.equals("fr") ? FANS_FR : FANS_EN;
        return texts[n % texts.length].formatted(n) + " " + tweet(language);
    }

    private String tweet(String language) {
        List<String> list = tweets.get(language);
        int i = next.merge(language, 1, Integer::sum) - 1;
        int n = list.size();
        if (i < n) {
            return list.get(i);
        }
        // Past the end (the day of history uses each tweet about twice in French), a tweet comes round again joined
        // by two others that vary with the round, so no two posts are near-copies (analyze would cluster them, and
        // copies spreading is a signal): each shares at most a third of its words with another.
        int round = i / n;
        return list.get(i % n) + " " + list.get((i + 17 * round + 1) % n) + " " + list.get((i + 53 * round + 2) % n);
    }

    private static List<String> load(String name) {
        try (InputStream in = DemoCast.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/vigie/app/demo/" + name);
            }
            List<String> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    out.add(line.substring(tab + 1).strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sites' host names and addresses, from the hosts file {@code ./vigie demo} gives the JVM. */
    static Map<String, String> hosts() {
        Map<String, String> byName = new LinkedHashMap<>();
        try (InputStream in = DemoCast.class.getResourceAsStream("hosts")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] p = line.trim().split("\\s+");
                    byName.put(p[1], p[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byName;
    }
}
