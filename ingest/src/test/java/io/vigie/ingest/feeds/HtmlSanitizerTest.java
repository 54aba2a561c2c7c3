package io.vigie.ingest.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Test
    void scriptsHandlersAndScriptUrlsAreRemoved() {
        assertEquals("safe description", sanitizer.sanitize("safe<script>alert(1)</script> description", null));
        assertEquals("<img src=\"http://x.example/a.jpg\" />",
                sanitizer.sanitize("<img src=\"http://x.example/a.jpg\" onerror=\"alert(1)\">", null));
        assertEquals("<a href=\"\">x</a>", sanitizer.sanitize("<a href=\" jav&#x09;ascript:alert(1)\">x</a>", null));
        assertEquals("<span dynsrc=\"\">x</span>", sanitizer.sanitize("<span dynsrc=\"vbscript:msgbox\">x</span>", null));
    }

    @Test
    void relativeUrlsBecomeAbsoluteAgainstTheBase() {
        assertEquals("<a href=\"https://blog.example/p/2\">n</a>", sanitizer.sanitize("<a href=\"/p/2\">n</a>", "https://blog.example/p/1"));
    }

    @Test
    void styleKeepsOnlyPlainPresentation() {
        assertEquals("<span style=\"color: red;\">x</span>",
                sanitizer.sanitize("<span style=\"color: red; position: absolute; background: url(javascript:x)\">x</span>", null));
        assertEquals("<span>x</span>", sanitizer.sanitize("<span style=\"width: expression(alert(1))\">x</span>", null));
    }
}
