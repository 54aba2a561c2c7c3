package io.vigie.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RecordRoundTripTest {

    static Stream<Object> everyRecord() {
        return Stream.of(ModelSamples.rawMention(), ModelSamples.scoredMention(), ModelSamples.brandStats(),
                ModelSamples.spikeSignal(), ModelSamples.incident(), ModelSamples.watchedBrand(),
                ModelSamples.deadLetter(), ModelSamples.mentionResponse(),
                ModelSamples.replyTemplate());
    }

    @ParameterizedTest
    @MethodSource("everyRecord")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyRecordSurvivesAJsonRoundTrip(Object record) {
        JsonSerde serde = JsonSerde.of(record.getClass());
        byte[] bytes = serde.encode(record);
        assertEquals(record, serde.decode(bytes));
    }

    @Test
    void unknownFieldsWrittenByANewerVersionAreIgnored() {
        JsonSerde<WatchedBrand> serde = JsonSerde.of(WatchedBrand.class);
        String json = "{\"schemaVersion\":2,\"id\":\"acme\",\"query\":\"acme\",\"colour\":\"red\",\"nested\":{\"a\":1}}";
        WatchedBrand brand = serde.decode(json.getBytes(StandardCharsets.UTF_8));
        assertEquals("acme", brand.id());
        assertEquals("acme", brand.name(), "name defaults to the id");
        assertEquals(2, brand.schemaVersion());
    }

    @Test
    void aRecordWithoutSchemaVersionGetsTheCurrentOne() {
        WatchedBrand brand = JsonSerde.of(WatchedBrand.class)
                .decode("{\"id\":\"acme\",\"query\":\"acme\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Schema.VERSION, brand.schemaVersion());
    }

    @Test
    void aMissingRequiredFieldIsRefusedWithItsName() {
        JsonSerde<RawMention> serde = JsonSerde.of(RawMention.class);
        String json = "{\"source\":\"blog\",\"kind\":\"POST\",\"fetchedAt\":\"2024-01-01T00:00:00Z\"}";
        UndecodableRecordException e = assertThrows(UndecodableRecordException.class,
                () -> serde.decode(json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("'id'"), e.getMessage());
    }

    @Test
    void malformedJsonIsRefusedWithAReason() {
        JsonSerde<ScoredMention> serde = JsonSerde.of(ScoredMention.class);
        UndecodableRecordException e = assertThrows(UndecodableRecordException.class,
                () -> serde.decode("{not json".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("not valid JSON"), e.getMessage());
    }

    @Test
    void aWrongTypeNamesTheField() {
        JsonSerde<RawMention> serde = JsonSerde.of(RawMention.class);
        String json = "{\"id\":\"x\",\"source\":\"blog\",\"kind\":\"TWEET\",\"fetchedAt\":\"2024-01-01T00:00:00Z\"}";
        UndecodableRecordException e = assertThrows(UndecodableRecordException.class,
                () -> serde.decode(json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("kind"), e.getMessage());
    }

    @Test
    void aNullValueIsATombstoneNotAnError() {
        assertNull(JsonSerde.of(WatchedBrand.class).deserialize(Topics.WATCHLIST, null));
    }

    @Test
    void anEmptyValueIsRefused() {
        assertThrows(UndecodableRecordException.class, () -> JsonSerde.of(RawMention.class).decode(new byte[0]));
    }

    @Test
    void eventTimeFallsBackToFetchTime() {
        RawMention m = ModelSamples.rawMention();
        RawMention unpublished = new RawMention(1, m.id(), 1, m.source(), m.sourceHost(), m.kind(), m.url(), null, null,
                null, null, "text", null, null, null, null, m.fetchedAt(), null, null, null);
        assertEquals(m.fetchedAt(), unpublished.eventTime());
        assertEquals(m.publishedAt(), m.eventTime());
    }

    @Test
    void sentimentOutsideItsRangeIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Sentiment(SentimentLabel.POSITIVE, 1.5, 0.5, "m", "1"));
    }

    @Test
    void everyTopicHasAUniqueName() {
        assertEquals(Topics.all().size(), Topics.all().stream().map(TopicSpec::name).distinct().count());
        assertTrue(Topics.spec(Topics.WATCHLIST).compacted());
        assertTrue(Topics.spec(Topics.INCIDENTS).compacted());
        assertTrue(Topics.spec(Topics.INGEST_STATE).compacted());
    }

    @Test
    void derivedFiguresAreNotWrittenAsFields() {
        String json = new String(JsonSerde.of(RawMention.class).encode(ModelSamples.rawMention()), StandardCharsets.UTF_8);
        assertTrue(!json.contains("\"empty\"") && !json.contains("\"reach\""), json);
    }

    @Test
    void aDeadLetterOfARecordKeepsWhereItWasTheReasonAndTheOriginalBytes() {
        byte[] original = "{broken".getBytes(StandardCharsets.UTF_8);
        var record = new org.apache.kafka.clients.consumer.ConsumerRecord<>(Topics.SIGNALS, 2, 41L, "acme", original);
        DeadLetter letter = DeadLetter.ofRecord("alerting.decode", record,
                new UndecodableRecordException("not valid JSON", null), ModelSamples.T0);
        assertEquals(Topics.SIGNALS, letter.sourceTopic());
        assertEquals(41L, letter.offset());
        assertEquals("acme", letter.key());
        assertEquals("not valid JSON", letter.reason());
        assertEquals("UndecodableRecordException", letter.errorType());
        assertTrue(java.util.Arrays.equals(original, letter.original()));
    }
}
