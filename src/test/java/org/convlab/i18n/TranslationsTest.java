package org.convlab.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    private static final Locale SPANISH = Locale.of("es");

    @Test
    void aKeyReadsInTheReadersLanguage() {
        assertThat(Translations.get(Locale.ENGLISH, "common.nav.train")).isEqualTo("Train");
        assertThat(Translations.get(Locale.GERMAN, "common.nav.train")).isEqualTo("Trainieren");
        assertThat(Translations.get(SPANISH, "common.nav.train")).isEqualTo("Entrenar");
        assertThat(Translations.get(Locale.forLanguageTag("de-AT"), "common.nav.train")).isEqualTo("Trainieren");
    }

    @Test
    void aLanguageConvLabDoesNotHaveReadsEnglishNotTheMachinesLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(Translations.get(Locale.FRENCH, "common.nav.train")).isEqualTo("Train");
            assertThat(Translations.get(null, "common.nav.train")).isEqualTo("Train");
            assertThat(Translations.ofProcess()).isEqualTo(Locale.GERMAN);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aMissingKeyIsMarkedSoTestsFindIt() {
        assertThat(Translations.get(Locale.GERMAN, "common.no-such-key")).isEqualTo("!{common.no-such-key}!");
        assertThat(Translations.get(Locale.GERMAN, "nobundle.key")).isEqualTo("!{nobundle.key}!");
        assertThat(Translations.get(Locale.GERMAN, "nodot")).isEqualTo("!{nodot}!");
        assertThat(Translations.has("common.nav.train")).isTrue();
        assertThat(Translations.has("common.nav.nothing")).isFalse();
    }

    @Test
    void numbersInATextAreWrittenAsTheLanguageWritesThem() {
        assertThat(Translations.value(Locale.ENGLISH, 485514L)).isEqualTo("485,514");
        assertThat(Translations.value(Locale.GERMAN, 485514L)).isEqualTo("485.514");
        assertThat(Translations.value(SPANISH, 485514)).isEqualTo("485.514");
        assertThat(Translations.value(Locale.GERMAN, new BigDecimal("0.91"))).isEqualTo("0,91");
        assertThat(Translations.value(Locale.GERMAN, new BigDecimal("91.20"))).isEqualTo("91,20");
        assertThat(Translations.value(Locale.ENGLISH, 0.5)).isEqualTo("0.5");
        assertThat(Translations.value(SPANISH, 0.5)).isEqualTo("0,5");
    }

    @Test
    void placeholdersAreReplacedLiterallySoApostrophesNeedNoEscaping() {
        assertThat(Translations.get(Locale.ENGLISH, "common.signed-in-as", "Ann O'Neil", "learner"))
                .isEqualTo("Signed in as Ann O'Neil (learner)");
        assertThat(Translations.get(Locale.GERMAN, "common.signed-in-as", "Ann", Text.of("common.role.teacher")))
                .isEqualTo("Angemeldet als Ann (Lehrkraft)");
    }

    @Test
    void aValueHoldingAPlaceholderIsNotFilledInAgainAndANullValueReadsAsNothing() {
        assertThat(Translations.get(Locale.ENGLISH, "common.signed-in-as", "Ann {1}", "learner"))
                .isEqualTo("Signed in as Ann {1} (learner)");
        assertThat(Translations.get(Locale.ENGLISH, "common.signed-in-as", "Ann $1 \\", "learner"))
                .isEqualTo("Signed in as Ann $1 \\ (learner)");
        assertThat(Text.of("common.signed-in-as", null, "learner").in(Locale.GERMAN)).isEqualTo("Angemeldet als  (learner)");
        assertThat(Translations.get(Locale.ENGLISH, "common.signed-in-as", "Ann")).isEqualTo("Signed in as Ann ({1})");
    }

    @Test
    void aCountPicksOneOrOther() {
        assertThat(Text.count("common.ago.hours", 1).in(Locale.ENGLISH)).isEqualTo("1 hour ago");
        assertThat(Text.count("common.ago.hours", 3).in(Locale.GERMAN)).isEqualTo("vor 3 Stunden");
        assertThat(Text.count("common.ago.hours", 1).in(SPANISH)).isEqualTo("hace 1 hora");
        assertThat(Text.count("common.ago.hours", 0).toString()).isEqualTo("0 hours ago");
    }

    @Test
    void aRefusalKeepsEnglishForLogsAndItsKeyForThePage() {
        TextException refusal = new TextException(Text.of("common.signed-in-as", "Ann", "learner"));
        assertThat(refusal.getMessage()).isEqualTo("Signed in as Ann (learner)");
        assertThat(refusal.text().in(Locale.GERMAN)).isEqualTo("Angemeldet als Ann (learner)");
    }

    @Test
    void percentagesDatesAndDecimalsFollowTheLanguage() {
        assertThat(LocalFormat.percent(Locale.ENGLISH, 0.912, 1)).isEqualTo("91.2%");
        assertThat(LocalFormat.percent(Locale.GERMAN, 0.912, 1)).isEqualTo("91,2\u00a0%");
        assertThat(LocalFormat.decimal(Locale.GERMAN, 0.9123, 2)).isEqualTo("0,91");
        assertThat(LocalFormat.decimalUpTo(SPANISH, 2.5, 3)).isEqualTo("2,5");
        assertThat(LocalFormat.integer(SPANISH, 12345)).isEqualTo("12.345");
        ZonedDateTime when = ZonedDateTime.of(2026, 11, 30, 14, 5, 0, 0, ZoneOffset.UTC);
        assertThat(LocalFormat.date(Locale.ENGLISH, when)).isEqualTo("30 Nov 2026");
        assertThat(LocalFormat.date(Locale.GERMAN, when)).isEqualTo("30.11.2026");
        assertThat(LocalFormat.dateTime(Locale.GERMAN, when)).isEqualTo("30.11.2026, 14:05");
        assertThat(LocalFormat.date(SPANISH, when)).isEqualTo("30 nov 2026");
    }
}
