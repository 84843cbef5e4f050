package org.convlab.training.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.convlab.i18n.Text;
import org.junit.jupiter.api.Test;

/** A run's problems and notices are stored as words, and older runs' English reads as it was stored. */
class StoredTextTest {

    @Test
    void aTextComesBackWithItsKeyAndTypedValues() {
        Text text = Text.of("training.stored.cannot-train", Text.of("training.notice.resumed-in-epoch", 2L, 1_234L));
        Text read = StoredText.read(StoredText.write(text));
        assertThat(read).isEqualTo(text);
        assertThat(read.in(Locale.GERMAN)).contains("in Epoche 2 bei Stapel 1.234");
        Text decimal = StoredText.read(StoredText.write(Text.of("training.stored.as-written", new BigDecimal("0.50"))));
        assertThat(decimal.args()).containsExactly(new BigDecimal("0.50"));
        assertThat(StoredText.read(StoredText.write(Text.of("training.stored.stalled", 3))).args()).containsExactly(3L);
    }

    @Test
    void anOlderRunsEnglishReadsAsStoredInEveryLanguage() {
        String old = "The server restarted while this run was training; it went on exactly where it stopped.";
        assertThat(StoredText.read(old).in(Locale.GERMAN)).isEqualTo(old);
        assertThat(StoredText.read(old).toString()).isEqualTo(old);
        // Something that only looks like a stored Text (cut short, or another shape) is shown as it is too.
        for (String odd : new String[] {"{\"key\": broken", "{\"key\": 3}", "{\"keys\": \"x\"}", "", "{}"}) {
            assertThat(StoredText.read(odd).in(Locale.GERMAN)).as(odd).isEqualTo(odd);
        }
        assertThat(StoredText.read(null)).isNull();
        assertThat(StoredText.write(null)).isNull();
    }

    @Test
    void theEnglishIsTheSentenceStoredBefore() {
        assertThat(StoredText.read(StoredText.write(Text.of("training.notice.server-restarted"))).toString())
                .isEqualTo("The server restarted while this run was training; it went on exactly where it stopped.");
    }
}
