package io.vigie.dashboards.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Intervals;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import io.vigie.query.QueryField;
import io.vigie.query.QueryNode;
import io.vigie.query.SearchQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed search as an Elasticsearch query, on the mapping of {@code vigie-mentions}. Words go to
 * {@code foldedText}, the title and text the indexer folds in Java ({@code FoldedText}: lower case, no accents,
 * elisions split) because the local Elasticsearch has no folding or elision filter; a query word is folded the same
 * way by the parser ({@code TextTokens}), so "Société" finds "societe" and "l'équipe" finds "L’Équipe". User text is
 * only ever a value of match_phrase, prefix, term, range or intervals, never {@code query_string}.
 */
public final class SearchTranslator {
    /** Title and text, folded by the indexer. */
    public static final String TEXT_FIELD = "foldedText";
    /** The date a search filters, sorts and draws its histogram on. */
    public static final String DATE_FIELD = "eventTime";

    private SearchTranslator() {}

    public static Query toQuery(SearchQuery query) {
        return query.root().map(SearchTranslator::toQuery).orElseGet(() -> Query.of(q -> q.matchAll(m -> m)));
    }

    /** The index field a field operator reads (for {@code author:} the analysed sub-field). */
    public static String indexField(QueryField field) {
        return switch (field) {
            case BRAND -> "brands";
            case LANG -> "language";
            case SENTIMENT -> "sentiment.label";
            case SOURCE -> "source";
            case HOST -> "sourceHost";
            case AUTHOR -> "author.text";
            case KIND -> "kind";
            case STATUS -> "response.status";
            case VIEWS -> "engagement.views";
            case LIKES -> "engagement.likes";
            case COMMENTS -> "engagement.comments";
            case SHARES -> "engagement.shares";
            case REACH -> "engagement.reach";
            case COPIES -> "copyCount";
            case DATE -> DATE_FIELD;
        };
    }

    static Query toQuery(QueryNode node) {
        if (node instanceof QueryNode.Word w) {
            return w.prefix()
                    ? Query.of(q -> q.prefix(p -> p.field(TEXT_FIELD).value(w.word())))
                    : Query.of(q -> q.matchPhrase(m -> m.field(TEXT_FIELD).query(w.word())));
        }
        if (node instanceof QueryNode.Phrase p) {
            return Query.of(q -> q.matchPhrase(m -> m.field(TEXT_FIELD).query(String.join(" ", p.words()))));
        }
        if (node instanceof QueryNode.Proximity p) {
            return Query.of(q -> q.intervals(i -> i.field(TEXT_FIELD).match(m -> m
                    .query(String.join(" ", p.words())).maxGaps(p.distance()).ordered(false))));
        }
        if (node instanceof QueryNode.Near n) {
            return Query.of(q -> q.intervals(i -> i.field(TEXT_FIELD).allOf(a -> a
                    .intervals(intervals(n.left()), intervals(n.right())).maxGaps(n.distance()).ordered(n.ordered()))));
        }
        if (node instanceof QueryNode.PositionalAnyOf a) {
            return anyOf(new ArrayList<>(a.options()));
        }
        if (node instanceof QueryNode.AnyOf a) {
            return anyOf(a.options());
        }
        if (node instanceof QueryNode.AllOf a) {
            return Query.of(q -> q.bool(b -> {
                for (QueryNode part : a.parts()) {
                    if (part instanceof QueryNode.Not not) {
                        b.mustNot(toQuery(not.negated()));
                    } else if (part instanceof QueryNode.Filter) {
                        b.filter(toQuery(part));
                    } else {
                        b.must(toQuery(part));
                    }
                }
                return b;
            }));
        }
        if (node instanceof QueryNode.Not not) {
            return Query.of(q -> q.bool(b -> b.mustNot(toQuery(not.negated()))));
        }
        if (node instanceof QueryNode.FieldTerm t) {
            return term(t);
        }
        if (node instanceof QueryNode.FieldRange r) {
            return range(r);
        }
        throw new IllegalArgumentException("no translation for " + node);
    }

    private static Query anyOf(List<? extends QueryNode> options) {
        return Query.of(q -> q.bool(b -> {
            options.forEach(o -> b.should(toQuery(o)));
            return b.minimumShouldMatch("1");
        }));
    }

    /** One side of a NEAR, as an intervals rule: words, prefixes, exact or loose phrases, their OR, inner NEARs. */
    private static Intervals intervals(QueryNode.Positional node) {
        if (node instanceof QueryNode.Word w) {
            return w.prefix()
                    ? Intervals.of(i -> i.prefix(p -> p.prefix(w.word())))
                    : Intervals.of(i -> i.match(m -> m.query(w.word())));
        }
        if (node instanceof QueryNode.Phrase p) {
            return Intervals.of(i -> i.match(m -> m.query(String.join(" ", p.words())).maxGaps(0).ordered(true)));
        }
        if (node instanceof QueryNode.Proximity p) {
            return Intervals.of(i -> i.match(m -> m.query(String.join(" ", p.words())).maxGaps(p.distance()).ordered(false)));
        }
        if (node instanceof QueryNode.Near n) {
            return Intervals.of(i -> i.allOf(a -> a.intervals(intervals(n.left()), intervals(n.right()))
                    .maxGaps(n.distance()).ordered(n.ordered())));
        }
        if (node instanceof QueryNode.PositionalAnyOf a) {
            return Intervals.of(i -> i.anyOf(any -> any.intervals(a.options().stream().map(SearchTranslator::intervals).toList())));
        }
        throw new IllegalArgumentException("no intervals rule for " + node);
    }

    private static Query term(QueryNode.FieldTerm t) {
        String field = indexField(t.field());
        return switch (t.field()) {
            case AUTHOR -> Query.of(q -> q.matchPhrase(m -> m.field(field).query(t.value())));
            // A site is itself or any subdomain: site:lemonde.fr finds www.lemonde.fr.
            case HOST -> Query.of(q -> q.bool(b -> b
                    .should(s -> s.term(x -> x.field(field).value(t.value())))
                    .should(s -> s.wildcard(x -> x.field(field).value("*." + t.value())))
                    .minimumShouldMatch("1")));
            default -> Query.of(q -> q.term(x -> x.field(field).value(t.value())));
        };
    }

    private static Query range(QueryNode.FieldRange r) {
        String field = indexField(r.field());
        boolean date = r.field() == QueryField.DATE;
        return Query.of(q -> q.range(range -> range.untyped(u -> {
            u.field(field);
            if (r.lower() != null) {
                JsonData v = bound(r.lower(), date);
                if (r.lowerInclusive()) {
                    u.gte(v);
                } else {
                    u.gt(v);
                }
            }
            if (r.upper() != null) {
                JsonData v = bound(r.upper(), date);
                if (r.upperInclusive()) {
                    u.lte(v);
                } else {
                    u.lt(v);
                }
            }
            return u;
        })));
    }

    // A bare date is a whole day: Elasticsearch's "||/d" rounds gte and lt down to its start, gt and lte up to its end.
    private static JsonData bound(String value, boolean date) {
        if (!date) {
            return JsonData.of(Long.parseLong(value));
        }
        return JsonData.of(value.length() == 10 ? value + "||/d" : value);
    }
}
