package org.convlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

import org.convlab.account.AccountException;
class LearnerCsvTest {

    @Test
    void readsRowsWithTheirLineNumbersQuotesAndAnOptionalPassword() {
        String csv = "\uFEFFUsername, Display_Name ,password\r\n"
                + "ann.lee,Ann Lee,\r\n"
                + "\r\n"
                + "bo,\"Chen, Bo\",first-pass-1\r\n";
        List<LearnerCsv.Row> rows = LearnerCsv.read(csv);
        assertThat(rows).containsExactly(
                new LearnerCsv.Row(2, "ann.lee", "Ann Lee", ""),
                new LearnerCsv.Row(4, "bo", "Chen, Bo", "first-pass-1"));
    }

    @Test
    void thePasswordColumnMayBeLeftOut() {
        assertThat(LearnerCsv.read("username,display_name\ncid,Cid\n"))
                .containsExactly(new LearnerCsv.Row(2, "cid", "Cid", ""));
    }

    @Test
    void aWrongHeaderIsRefusedOnLineOne() {
        assertThatThrownBy(() -> LearnerCsv.read("name,email\nann,ann@example.org\n"))
                .isInstanceOf(AccountException.class)
                .hasMessageStartingWith("Line 1: the first line must be the header username,display_name,password");
    }

    @Test
    void everyLineWithTheWrongNumberOfValuesIsListed() {
        String csv = "username,display_name\nann\nbo,Bo\ncid,Cid Smith,pass-word-1,extra\n";
        assertThatThrownBy(() -> LearnerCsv.read(csv))
                .isInstanceOfSatisfying(AccountException.class, e -> {
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.problems().get(0)).startsWith("Line 2: expected 2 or 3 values").contains("found 1");
                    assertThat(e.problems().get(1)).startsWith("Line 4:").contains("found 4");
                    assertThat(e.getMessage()).endsWith("(and 1 more problem)");
                });
    }

    @Test
    void aLineWithTheWrongNumberOfValuesIsExplainedInSpanish() {
        assertThatThrownBy(() -> LearnerCsv.read("username,display_name\nann\n"))
                .isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.text().in(java.util.Locale.of("es")))
                        .isEqualTo("Línea 2: se esperaban 2 o 3 valores (nombre de usuario, nombre visible, contraseña) "
                                + "y hay 1. Pon entre comillas un nombre que contenga una coma."));
    }

    @Test
    void anUnclosedQuoteIsNotValidCsv() {
        assertThatThrownBy(() -> LearnerCsv.read("username,display_name\nann,Ann\nbo,\"Bo\n"))
                .isInstanceOf(AccountException.class)
                .hasMessageContaining("not valid CSV")
                .hasMessageStartingWith("Line ");
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAreRefused() {
        assertThatThrownBy(() -> LearnerCsv.read("")).hasMessageStartingWith("The file is empty");
        assertThatThrownBy(() -> LearnerCsv.read("\n\n")).hasMessageStartingWith("The file is empty");
        assertThatThrownBy(() -> LearnerCsv.read("username,display_name\n")).hasMessage("The file has a header but no learners.");
    }

    @Test
    void tooManyRowsAreRefused() {
        StringBuilder csv = new StringBuilder("username,display_name\n");
        for (int i = 0; i <= LearnerCsv.MAX_ROWS; i++) {
            csv.append("learner").append(i).append(",Learner ").append(i).append('\n');
        }
        assertThatThrownBy(() -> LearnerCsv.read(csv.toString())).hasMessageContaining("at most " + LearnerCsv.MAX_ROWS);
    }

    @Test
    void writtenAccountsReadBackTheSame() {
        List<NewAccount> accounts = List.of(new NewAccount("ann.lee", "Lee, Ann", "abc\"def12"),
                new NewAccount("bo", "Bo", "k3m9p2q8r7s6"));
        String csv = LearnerCsv.write(accounts);
        assertThat(csv).startsWith("username,display_name,password\n").contains("\"Lee, Ann\"");
        assertThat(LearnerCsv.read(csv)).extracting(LearnerCsv.Row::username, LearnerCsv.Row::displayName,
                LearnerCsv.Row::password).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ann.lee", "Lee, Ann", "abc\"def12"),
                        org.assertj.core.groups.Tuple.tuple("bo", "Bo", "k3m9p2q8r7s6"));
    }
}
