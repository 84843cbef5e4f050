package org.convlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.convlab.account.AccountException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What a teacher or the admin may type into a budget field, and the one line they get otherwise. */
class BudgetInputTest {

    @Test
    void emptyMeansNotSetAndNumbersMayBeGrouped() {
        assertThat(BudgetInput.imageEpochs(null)).isNull();
        assertThat(BudgetInput.imageEpochs("")).isNull();
        assertThat(BudgetInput.imageEpochs("   ")).isNull();
        assertThat(BudgetInput.imageEpochs("250000")).isEqualTo(250_000L);
        assertThat(BudgetInput.imageEpochs(" 250,000 ")).isEqualTo(250_000L);
        assertThat(BudgetInput.imageEpochs("250 000")).isEqualTo(250_000L);
        assertThat(BudgetInput.imageEpochs("1'000'000")).isEqualTo(1_000_000L);
        assertThat(BudgetInput.imageEpochs("0")).isZero();
        assertThat(BudgetInput.imageEpochs("10,000,000")).isEqualTo(BudgetInput.MAX_IMAGE_EPOCHS);
        assertThat(BudgetInput.imageEpochs("1,000")).isEqualTo(BudgetInput.MIN_IMAGE_EPOCHS);
        assertThat(BudgetInput.waitingRuns("3")).isEqualTo(3);
        assertThat(BudgetInput.waitingRuns("0")).isZero();
        assertThat(BudgetInput.waitingRuns("100")).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12abc", "1e6", "2.5", "250.000", "1,00", "25,0000", ",250", "0x10", "١٢٣",
            "250k", "+5", "5-", "--5", "1 2", "<script>", "'; drop table school_class; --", "NaN", "Infinity",
            "∞", "½", "3.", "null"})
    void somethingThatIsNotAWholeNumberIsRefusedNamingTheField(String typed) {
        assertThatThrownBy(() -> BudgetInput.imageEpochs(typed)).isInstanceOf(AccountException.class)
                .hasMessageStartingWith("Most images × epochs per run must be a whole number like 250,000")
                .hasMessageEndingWith("(0 means no limit).");
        assertThatThrownBy(() -> BudgetInput.waitingRuns(typed)).isInstanceOf(AccountException.class)
                .hasMessageStartingWith("Most waiting runs per learner must be a whole number like 3");
    }

    @Test
    void aLongTypoIsNotEchoedBack() {
        String typed = "x".repeat(10_000);
        assertThatThrownBy(() -> BudgetInput.imageEpochs(typed)).hasMessage(
                "Most images × epochs per run must be a whole number like 250,000 (0 means no limit).");
        assertThatThrownBy(() -> BudgetInput.imageEpochs("lots")).hasMessage(
                "Most images × epochs per run must be a whole number like 250,000, not \"lots\" (0 means no limit).");
    }

    @Test
    void theExampleInGermanIsGroupedTheWayItCanBeTypedBack() {
        assertThatThrownBy(() -> BudgetInput.imageEpochs("viele")).isInstanceOfSatisfying(AccountException.class,
                e -> assertThat(e.text().in(java.util.Locale.GERMAN)).isEqualTo(
                        "Höchstens Bilder × Epochen pro Lauf muss eine ganze Zahl wie 250 000 sein, nicht „viele“ (0 heißt keine Grenze)."));
        assertThat(BudgetInput.imageEpochs("250 000")).isEqualTo(250_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-250000", "- 3", "\u22125", "-0"})
    void aNegativeNumberIsRefused(String typed) {
        assertThatThrownBy(() -> BudgetInput.imageEpochs(typed)).isInstanceOf(AccountException.class)
                .hasMessage("Most images × epochs per run cannot be negative: type 0 for no limit, or leave it empty.");
        assertThatThrownBy(() -> BudgetInput.waitingRuns(typed)).isInstanceOf(AccountException.class)
                .hasMessage("Most waiting runs per learner cannot be negative: type 0 for no limit, or leave it empty.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000001", "99999999999999999999999999", "9223372036854775807", "9223372036854775808",
            "2,147,483,648"})
    void anAbsurdlyLargeNumberIsRefused(String typed) {
        assertThatThrownBy(() -> BudgetInput.imageEpochs(typed)).isInstanceOf(AccountException.class)
                .hasMessage("Most images × epochs per run can be at most 10,000,000 (0 means no limit).");
        assertThatThrownBy(() -> BudgetInput.waitingRuns(typed)).isInstanceOf(AccountException.class)
                .hasMessage("Most waiting runs per learner can be at most 100 (0 means no limit).");
    }

    @Test
    void moreWaitingRunsThanAClassCouldUseIsRefused() {
        assertThatThrownBy(() -> BudgetInput.waitingRuns("101")).isInstanceOf(AccountException.class)
                .hasMessage("Most waiting runs per learner can be at most 100 (0 means no limit).");
    }

    /** A limit under the smallest run the Train page offers would leave the class unable to train. */
    @org.junit.jupiter.params.ParameterizedTest
    @ValueSource(strings = {"1", "500", "999"})
    void aLimitNoRunCouldFitIsRefused(String text) {
        assertThatThrownBy(() -> BudgetInput.imageEpochs(text)).hasMessage(
                "Most images × epochs per run must be at least 1,000 (the smallest subset for one epoch), or 0 for no limit.");
    }
}
