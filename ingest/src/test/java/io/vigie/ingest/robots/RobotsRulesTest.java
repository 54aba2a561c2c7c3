package io.vigie.ingest.robots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {

    private static RobotsRules rules(String text) {
        return RobotsRules.parse(text.getBytes(StandardCharsets.UTF_8), "vigie");
    }

    private static boolean allows(RobotsRules r, String path) {
        return r.allows(URI.create("https://example.com" + path));
    }

    @Test
    void theGroupNamingVigieWinsOverTheStarGroup() {
        RobotsRules r = rules("User-agent: *\nDisallow: /\n\nUser-agent: Vigie\nDisallow: /private\n");
        assertTrue(allows(r, "/blog/feed"));
        assertFalse(allows(r, "/private/x"));
    }

    @Test
    void theStarGroupAppliesWhenNoGroupNamesVigie() {
        RobotsRules r = rules("User-agent: googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /tmp/\n");
        assertTrue(allows(r, "/feed"));
        assertFalse(allows(r, "/tmp/a"));
    }

    @Test
    void groupsNamingVigieTwiceAreMerged() {
        RobotsRules r = rules("User-agent: vigie\nDisallow: /a\n\nUser-agent: other\nDisallow: /\n\nUser-agent: vigie\nDisallow: /b\n");
        assertFalse(allows(r, "/a"));
        assertFalse(allows(r, "/b"));
        assertTrue(allows(r, "/c"));
    }

    @Test
    void severalUserAgentLinesShareOneGroup() {
        RobotsRules r = rules("User-agent: foo\nUser-agent: vigie\nDisallow: /x\n");
        assertFalse(allows(r, "/x"));
    }

    @Test
    void theLongestMatchDecidesAndATieGoesToAllow() {
        RobotsRules r = rules("User-agent: *\nDisallow: /shop\nAllow: /shop/feed\nAllow: /page\nDisallow: /page\n");
        assertFalse(allows(r, "/shop/cart"));
        assertTrue(allows(r, "/shop/feed.xml"));
        assertTrue(allows(r, "/page"), "equal length allow and disallow: allow wins");
    }

    @Test
    void starMatchesAnySequenceAndDollarAnchorsTheEnd() {
        RobotsRules r = rules("User-agent: *\nDisallow: /*.php$\nDisallow: /search*q=\n");
        assertFalse(allows(r, "/index.php"));
        assertTrue(allows(r, "/index.php?x=1"));
        assertFalse(allows(r, "/search?lang=fr&q=kryptonite"));
        assertTrue(allows(r, "/search?lang=fr"));
    }

    @Test
    void anEmptyDisallowAllowsEverything() {
        assertTrue(allows(rules("User-agent: *\nDisallow:\n"), "/anything"));
    }

    @Test
    void percentEncodingIsComparedNormalised() {
        RobotsRules r = rules("User-agent: *\nDisallow: /caf%C3%A9\nDisallow: /%7Euser\n");
        assertFalse(allows(r, "/caf%c3%a9/menu"));
        assertFalse(allows(r, "/~user/feed"));
    }

    @Test
    void robotsTxtItselfIsAlwaysAllowed() {
        assertTrue(allows(rules("User-agent: *\nDisallow: /\n"), "/robots.txt"));
    }

    @Test
    void crawlDelayOfTheSelectedGroupIsRead() {
        RobotsRules r = rules("User-agent: *\nCrawl-delay: 7\n\nUser-agent: vigie\nCrawl-delay: 2.5\nDisallow: /x\n");
        assertEquals(Duration.ofMillis(2500), r.crawlDelay());
        assertNull(rules("User-agent: *\nDisallow: /x\n").crawlDelay());
    }

    @Test
    void commentsAndUnknownLinesAreIgnoredAndSitemapDoesNotEndAGroup() {
        RobotsRules r = rules("# hello\nUser-agent: * # all\nSitemap: https://example.com/s.xml\nDisallow: /x # no\nfoo bar\n");
        assertFalse(allows(r, "/x"));
    }

    @Test
    void onlyTheFirst500KibAreParsed() {
        StringBuilder big = new StringBuilder("User-agent: *\n");
        while (big.length() < RobotsRules.PARSE_LIMIT_BYTES) {
            big.append("# padding padding padding padding padding padding padding\n");
        }
        big.append("Disallow: /\n");
        assertTrue(allows(rules(big.toString()), "/feed"), "a rule beyond 500 KiB is not applied");
    }

    @Test
    void unavailableMeansAllowAllAndUnreachableMeansDisallowAll() {
        assertTrue(allows(RobotsRules.allowAll(), "/x"));
        assertFalse(allows(RobotsRules.disallowAll(), "/x"));
    }
}
