package io.vigie.dashboards.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MonthlyIndicesTest {
    private final MonthlyIndices indices = new MonthlyIndices("vigie-mentions");

    @Test
    void aMentionGoesToTheIndexOfItsMonthInUtc() {
        assertEquals("vigie-mentions-2026.11", indices.indexFor(Instant.parse("2026-11-23T14:30:00Z")));
        assertEquals("vigie-mentions-2004.09", indices.indexFor(Instant.parse("2004-09-14T10:15:30Z")));
    }

    @Test
    void theLastSecondOfAMonthInUtcStaysInThatMonth() {
        assertEquals("vigie-mentions-2026.11", indices.indexFor(Instant.parse("2026-11-30T23:59:59.999Z")));
        assertEquals("vigie-mentions-2026.12", indices.indexFor(Instant.parse("2026-12-01T00:00:00Z")));
    }

    @Test
    void theTemplatePatternCoversEveryMonthlyIndexAndOnlyThem() {
        assertEquals("vigie-mentions-*", indices.pattern());
        assertEquals("vigie-mentions", indices.templateName());
    }

    @Test
    void anEventTimeBeyondYear9999IsRefusedWithItsYear() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> indices.indexFor(Instant.parse("+20000-01-01T00:00:00Z")));
        assertTrue(e.getMessage().contains("20000"), e.getMessage());
    }

    @Test
    void aPrefixElasticsearchWouldRefuseIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new MonthlyIndices("Vigie"));
        assertThrows(IllegalArgumentException.class, () -> new MonthlyIndices("_vigie"));
        assertThrows(IllegalArgumentException.class, () -> new MonthlyIndices("vigie mentions"));
    }
}
