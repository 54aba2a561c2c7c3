package io.vigie.analyze.sentiment.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IronyMarkersTest {
    private final IronyMarkers markers = new IronyMarkers();

    @ParameterizedTest
    @ValueSource(strings = {"Love waiting two hours on hold #sarcasm", "Great service #not", "Thanks for nothing.",
        "Yeah right, customer first", "Merci pour rien", "Génial, encore en retard #ironie", "Super #Sarcasme",
        "Trop bien ce service client, ou pas."})
    void explicitMarkersAreFound(String text) {
        assertTrue(markers.isMarkedIronic(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I do not like it", "Thanks a lot for the quick answer", "Merci pour tout !",
        "#notre équipe est au top", "Ou pas du tout d'accord avec eux"})
    void ordinaryTextIsNotMarked(String text) {
        assertFalse(markers.isMarkedIronic(text), text);
    }
}
