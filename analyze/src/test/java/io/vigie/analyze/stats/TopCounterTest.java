package io.vigie.analyze.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.model.KeyCount;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopCounterTest {
    @Test
    void frequentKeysSurviveManyRareOnesInBoundedMemory() {
        TopCounter c = new TopCounter(10);
        for (int i = 0; i < 1000; i++) {
            c.add("rare" + i, 1);
            if (i % 3 == 0) {
                c.add("pen", 1);
            }
            if (i % 5 == 0) {
                c.add("lock", 1);
            }
        }
        List<KeyCount> top = c.top(2);
        assertEquals("pen", top.get(0).key());
        assertEquals("lock", top.get(1).key());
        assertTrue(top.get(0).count() >= 334, "never under-counted");
        assertTrue(c.counts().size() <= 10);
    }

    @Test
    void termsLeaveOutStopWordsLinksAndNumbers() {
        assertEquals(List.of("antivol", "ouvert", "stylo"),
                new TermExtractor(10).terms("L'antivol est ouvert avec un stylo 2024 http://x.example/y @bob"));
    }
}
