package io.vigie.dashboards.web.mention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeHtmlTest {
    @Test
    void scriptsHandlersStylesAndJavascriptLinksAreRemovedTextAndSafeLinksKept() {
        String html = SafeHtml.clean("<p onclick=\"alert(1)\" style=\"color:red\">Un <b>Bic</b> suffit"
                + "<script>alert(2)</script><img src=x onerror=alert(3)>"
                + "<a href=\"javascript:alert(4)\">x</a><a href=\"https://example.com/a\">lien</a></p>");
        assertFalse(html.contains("script"), html);
        assertFalse(html.contains("onclick") || html.contains("onerror") || html.contains("style="), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("<b>Bic</b>"), html);
        assertTrue(html.contains("<a href=\"https://example.com/a\" rel=\"nofollow noopener noreferrer\">lien</a>"), html);
    }

    @Test
    void nothingGivesNothing() {
        assertEquals("", SafeHtml.clean(null));
        assertEquals("", SafeHtml.clean("  "));
    }
}
