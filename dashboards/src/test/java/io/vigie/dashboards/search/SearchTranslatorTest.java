package io.vigie.dashboards.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.query.SearchQuery;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The translation table: a search as the analyst writes it, and the query DSL Elasticsearch receives. */
class SearchTranslatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String dsl(String search) {
        return JsonpUtils.toJsonString(SearchTranslator.toQuery(SearchQuery.parse(search)), new JacksonJsonpMapper());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "`` => {'match_all':{}}",
            "Société => {'match_phrase':{'foldedText':{'query':'societe'}}}",
            "krypto* => {'prefix':{'foldedText':{'value':'krypto'}}}",
            "\"stylo Bic\" => {'match_phrase':{'foldedText':{'query':'stylo bic'}}}",
            "l'Oréal => {'match_phrase':{'foldedText':{'query':'l oreal'}}}",
            "\"service client\"~3 => {'intervals':{'foldedText':{'match':{'query':'service client','max_gaps':3,'ordered':false}}}}",
            "bic NEAR/2 stylo => {'intervals':{'foldedText':{'all_of':{'intervals':[{'match':{'query':'bic'}},{'match':{'query':'stylo'}}],'max_gaps':2,'ordered':false}}}}",
            "bic ONEAR/0 \"stylo bille\" => {'intervals':{'foldedText':{'all_of':{'intervals':[{'match':{'query':'bic'}},{'match':{'query':'stylo bille','max_gaps':0,'ordered':true}}],'max_gaps':0,'ordered':true}}}}",
            "(krypto* OR abus) NEAR/3 lock => {'intervals':{'foldedText':{'all_of':{'intervals':[{'any_of':{'intervals':[{'prefix':{'prefix':'krypto'}},{'match':{'query':'abus'}}]}},{'match':{'query':'lock'}}],'max_gaps':3,'ordered':false}}}}",
            "bic OR stylo => {'bool':{'should':[{'match_phrase':{'foldedText':{'query':'bic'}}},{'match_phrase':{'foldedText':{'query':'stylo'}}}],'minimum_should_match':'1'}}",
            "kryptonite -superman lang:fr => {'bool':{'must':[{'match_phrase':{'foldedText':{'query':'kryptonite'}}}],'must_not':[{'match_phrase':{'foldedText':{'query':'superman'}}}],'filter':[{'term':{'language':{'value':'fr'}}}]}}",
            "NOT brand:bic => {'bool':{'must_not':[{'term':{'brands':{'value':'bic'}}}]}}",
            "sentiment:negative => {'term':{'sentiment.label':{'value':'NEGATIVE'}}}",
            "kind:Comment => {'term':{'kind':{'value':'comment'}}}",
            "source:rss => {'term':{'source':{'value':'rss'}}}",
            "status:open => {'term':{'response.status':{'value':'OPEN'}}}",
            "status:no-answer-needed => {'term':{'response.status':{'value':'NO_ANSWER_NEEDED'}}}",
            "author:\"Jean Dupont\" => {'match_phrase':{'author.text':{'query':'Jean Dupont'}}}",
            "site:LeMonde.fr => {'bool':{'should':[{'term':{'sourceHost':{'value':'lemonde.fr'}}},{'wildcard':{'sourceHost':{'value':'*.lemonde.fr'}}}],'minimum_should_match':'1'}}",
            "views>1000 => {'range':{'engagement.views':{'gt':1000}}}",
            "reach:10..500 => {'range':{'engagement.reach':{'gte':10,'lte':500}}}",
            "copies<=2 => {'range':{'copyCount':{'lte':2}}}",
            "date:2026-11-01..2026-11-30 => {'range':{'eventTime':{'gte':'2026-11-01||/d','lte':'2026-11-30||/d'}}}",
            "date>now-7d => {'range':{'eventTime':{'gt':'now-7d'}}}",
            "date<2026-11-30T08:00:00Z => {'range':{'eventTime':{'lt':'2026-11-30T08:00:00Z'}}}",
    })
    void translatesEachOperatorToTheQueryDsl(String search, String expected) throws Exception {
        JsonNode want = JSON.readTree(expected.replace('\'', '"'));
        String got = dsl(search);
        assertEquals(want, JSON.readTree(got), got);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"query_string OR \"a:b\" OR \"*:* x\"", "`(a OR b) \"x y\"~2 -c d NEAR/1 e`"})
    void userTextNeverBecomesAQueryString(String search) {
        assertFalse(dsl(search).contains("query_string\":"), dsl(search));
        assertFalse(dsl(search).contains("simple_query_string"));
    }
}
