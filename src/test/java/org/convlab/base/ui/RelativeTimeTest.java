package org.convlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativeTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"PT0S,just now", "PT59S,just now", "PT1M,1 min ago", "PT2M30S,2 min ago", "PT59M,59 min ago",
        "PT1H,1 hour ago", "PT3H5M,3 hours ago", "PT23H59M,23 hours ago", "PT24H,yesterday", "PT47H,yesterday",
        "P2D,2 days ago", "P6DT23H,6 days ago", "P7D,on 22 Nov 2026", "P400D,on 25 Oct 2025",
        "-PT5M,just now"})
    void saysHowLongAgoAsAPersonWould(String before, String expected) {
        assertThat(RelativeTime.ago(NOW.minus(Duration.parse(before)), NOW, ZoneOffset.UTC)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"de,PT0S,gerade eben", "de,PT2M,vor 2 Min.", "de,PT1H,vor 1 Stunde", "de,PT24H,gestern",
        "de,P3D,vor 3 Tagen", "de,P7D,am 22.11.2026", "es,PT3H,hace 3 horas", "es,P7D,el 22 nov 2026",
        "fr,PT1H,1 hour ago"})
    void saysItInTheReadersLanguage(String language, String before, String expected) {
        assertThat(RelativeTime.ago(NOW.minus(Duration.parse(before)), NOW, ZoneOffset.UTC, Locale.forLanguageTag(language)))
                .isEqualTo(expected);
    }
}
