package org.convlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** CSV (formula) injection: a hostile name reaches a teacher's spreadsheet as text, never as a formula. */
class CsvCellsTest {

    /** Each starts with a character that Excel, LibreOffice or Google Sheets reads as a formula. */
    static final List<String> HOSTILE = List.of(
            "=HYPERLINK(\"http://evil.example\",\"x\")",
            "=1+1",
            "+41 cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1+1",
            "=",
            "-");

    @ParameterizedTest
    @FieldSource("HOSTILE")
    void aCellThatASpreadsheetWouldRunGetsALeadingApostrophe(String hostile) {
        assertThat(CsvCells.looksLikeFormula(hostile)).isTrue();
        assertThat(CsvCells.text(hostile)).isEqualTo("'" + hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann Lee", "Zoë", "ann.lee", "O'Brien", " =not at the start", "a=b", "3/4", ""})
    void ordinaryTextIsLeftAlone(String text) {
        assertThat(CsvCells.looksLikeFormula(text)).isFalse();
        assertThat(CsvCells.text(text)).isEqualTo(text);
    }

    @Test
    void theAccountsDownloadWritesHostileNamesAsText() throws IOException {
        List<NewAccount> accounts = HOSTILE.stream().map(name -> new NewAccount("learner", name, "first-pass")).toList();
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(LearnerCsv.write(accounts))).getRecords();
        assertThat(records).hasSize(HOSTILE.size() + 1);
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertThat(records.get(i + 1).get(1)).isEqualTo("'" + HOSTILE.get(i));
        }
    }
}
