package io.vigie.ingest.crawl.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CommentDateParserTest {
    private final CommentDateParser parser = new CommentDateParser();
    /** Wednesday 15 May 2024, 16:30 in Paris (14:30 UTC). */
    private final ZonedDateTime paris = ZonedDateTime.of(2024, 5, 15, 16, 30, 0, 0, ZoneId.of("Europe/Paris"));
    private final ZonedDateTime utc = ZonedDateTime.of(2024, 5, 15, 14, 30, 0, 0, ZoneId.of("UTC"));

    private Instant fr(String s) {
        return parser.parse(s, paris, "fr");
    }

    private Instant en(String s) {
        return parser.parse(s, utc, "en");
    }

    @Test
    void frenchRelativeHoursAndMinutesCountBackFromTheReference() {
        assertEquals(Instant.parse("2024-05-15T11:30:00Z"), fr("il y a 3 heures"));
        assertEquals(Instant.parse("2024-05-15T14:25:00Z"), fr("Il y a 5 min"));
        assertEquals(Instant.parse("2024-05-14T14:30:00Z"), fr("il y a environ un jour"));
        assertEquals(Instant.parse("2024-05-08T14:30:00Z"), fr("il y a une semaine"));
    }

    @Test
    void frenchDayWordsTakeTheirTimeInTheSitesZone() {
        assertEquals(Instant.parse("2024-05-14T12:05:00Z"), fr("hier à 14h05"));
        assertEquals(Instant.parse("2024-05-13T21:12:00Z"), fr("avant-hier à 23h12"));
        assertEquals(Instant.parse("2024-05-15T07:00:00Z"), fr("Aujourd'hui à 09:00"));
    }

    @Test
    void frenchAbsoluteDatesWithWeekdayAndHourMarker() {
        assertEquals(Instant.parse("2009-03-03T09:12:00Z"), fr("le 3 mars 2009 à 10:12"));
        assertEquals(Instant.parse("2019-05-15T06:07:00Z"), fr("le mercredi 15 mai 2019 à 08h07"));
        assertEquals(Instant.parse("2020-02-01T10:00:00Z"), fr("1er février 2020 à 11h"));
        assertEquals(Instant.parse("2021-12-24T17:45:00Z"), fr("24/12/2021 18:45"));
    }

    @Test
    void aFrenchWordThatIsAlsoAZoneNameDoesNotShiftTheTime() {
        // "c'est" holds "est" (Eastern Standard Time): only a zone name right after a time counts
        assertEquals(Instant.parse("2019-05-18T17:38:00Z"), fr("le samedi 18 mai 2019 à 19h38 c'est vrai"));
    }

    @Test
    void lastWeekdayIsTheMostRecentOneBeforeToday() {
        // the reference is a Wednesday: last Monday is the 13th
        assertEquals(Instant.parse("2024-05-13T14:30:00Z"), fr("lundi dernier"));
        assertEquals(Instant.parse("2024-05-13T14:30:00Z"), en("last Monday"));
        assertEquals(Instant.parse("2024-05-10T15:00:00Z"), en("Friday at 3:00 PM"));
    }

    @Test
    void englishRelativeForms() {
        assertEquals(Instant.parse("2024-05-15T11:30:00Z"), en("3 hours ago"));
        assertEquals(Instant.parse("2024-05-14T14:05:00Z"), en("Yesterday at 2:05 PM"));
        assertEquals(Instant.parse("2024-05-15T14:00:00Z"), en("half an hour ago"));
        assertEquals(Instant.parse("2024-05-15T14:26:11Z"), en("3m 49s ago"));
        assertEquals(utc.toInstant(), en("just now"));
    }

    @Test
    void englishAbsoluteForms() {
        assertEquals(Instant.parse("2009-03-03T00:00:00Z"), en("Mar 3, 2009"));
        assertEquals(Instant.parse("2010-06-03T19:27:00Z"), en("Thu Jun 03, 2010 7:27 pm"));
        assertEquals(Instant.parse("2012-11-01T08:29:00Z"), en("November 1, 2012 at 8:29 am"));
        assertEquals(Instant.parse("2012-08-09T13:57:00Z"), en("August 9th, 2012 9:57 AM EDT"));
        assertEquals(Instant.parse("2024-03-04T00:00:00Z"), en("03/04/2024"));
    }

    @Test
    void germanDatesReadToo() {
        assertEquals(Instant.parse("2018-06-19T15:28:00Z"), en("19. Juni 2018 um 15:28 Uhr"));
        assertEquals(Instant.parse("2024-05-15T12:30:00Z"), parser.parse("vor 2 Stunden", utc, "de"));
    }

    @Test
    void machineDatesKeepTheirOffset() {
        assertEquals(Instant.parse("2019-05-15T06:07:00Z"), fr("2019-05-15T08:07:00+02:00"));
        assertEquals(Instant.parse("2019-05-15T06:07:00Z"), fr("2019-05-15 08:07"));
    }

    @Test
    void aSiteRulePatternIsTriedFirst() {
        assertEquals(Instant.parse("2009-03-03T09:12:00Z"),
                parser.parse("03.03.2009 - 10h12", paris, "fr", "dd.MM.yyyy - HH'h'mm"));
    }

    @Test
    void textWithoutADateGivesNothing() {
        assertNull(en("Great post, thanks!"));
        assertNull(fr("Répondre"));
        assertNull(en(""));
        assertNull(en("99/99/9999"));
    }
}
