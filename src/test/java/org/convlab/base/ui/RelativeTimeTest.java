package org.convlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
}
