package io.vigie.ingest.crawl;

import java.util.List;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/** Checks and lookups over the configured site rules. */
public final class SiteRules {
    private SiteRules() {}

    /** "key: why" for the first selector of the rule that jsoup cannot parse, else null. */
    public static String invalidSelector(SiteRule r) {
        String[][] selectors = {{"item", r.item()}, {"author", r.author()}, {"date", r.date()}, {"text", r.text()},
                {"permalink", r.permalink()}, {"replyLink", r.replyLink()}, {"nextPage", r.nextPage()},
                {"threadLink", r.threadLink()}};
        for (String[] s : selectors) {
            if (s[1] == null) {
                continue;
            }
            try {
                QueryParser.parse(s[1]);
            } catch (Selector.SelectorParseException | IllegalArgumentException e) {
                return s[0] + ": is not a valid CSS selector (" + e.getMessage() + ")";
            }
        }
        return null;
    }

    /** The named rule, else the first declared for the host, else null. */
    public static SiteRule forSource(List<SiteRule> rules, String name, String host) {
        if (name != null) {
            for (SiteRule r : rules) {
                if (name.equals(r.name())) {
                    return r;
                }
            }
        }
        for (SiteRule r : rules) {
            if (r.appliesTo(host)) {
                return r;
            }
        }
        return null;
    }
}
