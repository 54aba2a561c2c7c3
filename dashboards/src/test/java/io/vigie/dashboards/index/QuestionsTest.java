package io.vigie.dashboards.index;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuestionsTest {
    @Test
    void aQuestionMarkOrAQuestionWordOpeningASentenceAsks() {
        assertTrue(Questions.asks("Cadenas ouvert", "Vous comptez rembourser ?"));
        assertTrue(Questions.asks(null, "Bought it last week. How do I get a refund"));
        assertTrue(Questions.asks("Quelqu'un a un contact chez Kryptonite", null));
        assertTrue(Questions.asks("", "Est-ce que le modèle 2024 est concerné"));
    }

    @Test
    void aStatementDoesNotAsk() {
        assertFalse(Questions.asks("Le cadenas s'ouvre avec un Bic", "Incroyable, vidéo à l'appui."));
        assertFalse(Questions.asks("Somehow it opened", "The shop said who knows."));
    }
}
