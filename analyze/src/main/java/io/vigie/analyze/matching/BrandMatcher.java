package io.vigie.analyze.matching;

import io.vigie.query.BrandQuery;
import io.vigie.query.QueryNode;
import io.vigie.query.TextTokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The watched brands' compiled queries: which brands a text mentions, and for each brand a predicate telling whether
 * one sentence mentions it. Immutable; build a new one when the watchlist changes.
 */
public final class BrandMatcher {
    private final Map<String, BrandQuery> queryByBrand;

    public BrandMatcher(Map<String, BrandQuery> queryByBrand) {
        this.queryByBrand = new LinkedHashMap<>(queryByBrand);
    }

    /** The brands whose query matches the text, in the matcher's order. */
    public List<String> brandsIn(String text) {
        TextTokens tokens = TextTokens.of(text);
        List<String> out = new ArrayList<>(2);
        for (Map.Entry<String, BrandQuery> e : queryByBrand.entrySet()) {
            if (e.getValue().matches(tokens)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /**
     * Whether a sentence names the brand: one of the query's name leaves (see {@link BrandQuery#names()}) occurs in
     * it. Exclusions are judged on the whole text, not per sentence: "Kryptonite lock. Superman hates it" does not
     * match "kryptonite NOT superman", and when a text matches, its sentences naming Kryptonite are about the brand.
     */
    public Predicate<String> sentenceMentions(String brand) {
        BrandQuery query = queryByBrand.get(brand);
        if (query == null) {
            return sentence -> false;
        }
        List<QueryNode> names = query.names();
        return sentence -> {
            TextTokens tokens = TextTokens.of(sentence);
            for (QueryNode name : names) {
                if (name.matches(tokens)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Per matched brand, its sentence predicate: what the sentiment scorer takes. */
    public Map<String, Predicate<String>> sentencePredicates(List<String> brands) {
        Map<String, Predicate<String>> out = new LinkedHashMap<>();
        for (String b : brands) {
            out.put(b, sentenceMentions(b));
        }
        return out;
    }

    public int size() {
        return queryByBrand.size();
    }
}
