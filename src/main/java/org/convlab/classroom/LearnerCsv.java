package org.convlab.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

import org.convlab.account.AccountException;
/**
 * A teacher's class list as CSV: a header {@code username,display_name[,password]}, then one learner a
 * line. Reading checks only the shape (header, number of values); {@link AccountService} checks the
 * values. Writing gives the list of created accounts with their first passwords.
 */
final class LearnerCsv {

    static final String HEADER = "username,display_name,password";
    static final int MAX_ROWS = 500;

    /** One learner line; {@code password} is empty when the teacher left it for us to generate. */
    record Row(int line, String username, String displayName, String password) {}

    private static final CsvMapper READER = CsvMapper.builder()
            .enable(CsvReadFeature.WRAP_AS_ARRAY)
            .enable(CsvReadFeature.SKIP_EMPTY_LINES)
            .enable(CsvReadFeature.TRIM_SPACES)
            .build();

    private static final CsvMapper WRITER = new CsvMapper();

    private LearnerCsv() {}

    static List<Row> read(String text) {
        // Spreadsheet programs often start a UTF-8 file with a byte order mark.
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int line = 1;
        try (MappingIterator<List<String>> values = READER.readerForListOf(String.class).readValues(csv)) {
            boolean header = true;
            while (values.hasNextValue()) {
                line = values.currentLocation().getLineNr();
                List<String> value = values.nextValue();
                if (header) {
                    checkHeader(value, line);
                    header = false;
                } else if (value.size() < 2 || value.size() > 3) {
                    problems.add("Line " + line + ": expected 2 or 3 values (username, display name, password), found "
                            + value.size() + ". Put quotes around a name that contains a comma.");
                } else {
                    rows.add(new Row(line, value.get(0), value.get(1), value.size() == 3 ? value.get(2) : ""));
                }
                if (rows.size() > MAX_ROWS) {
                    throw new AccountException("Line " + line + ": a file may add at most " + MAX_ROWS
                            + " learners; split it into smaller files.");
                }
            }
            if (header) {
                throw new AccountException("The file is empty: it needs the header " + HEADER
                        + " and one learner a line.");
            }
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int where = at != null && at.getLineNr() > 0 ? at.getLineNr() : line;
            throw new AccountException("Line " + where + ": this is not valid CSV (" + e.getOriginalMessage()
                    + "). Check the quotes on that line.");
        }
        if (!problems.isEmpty()) {
            throw AccountException.of(problems);
        }
        if (rows.isEmpty()) {
            throw new AccountException("The file has a header but no learners.");
        }
        return rows;
    }

    private static void checkHeader(List<String> header, int line) {
        List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!names.equals(List.of("username", "display_name")) && !names.equals(List.of("username", "display_name", "password"))) {
            throw new AccountException("Line " + line + ": the first line must be the header " + HEADER
                    + " (the password column may be left out), not " + String.join(",", header) + ".");
        }
    }

    static String write(List<NewAccount> accounts) {
        CsvSchema schema = CsvSchema.builder().addColumn("username").addColumn("display_name").addColumn("password")
                .build().withHeader();
        List<List<String>> rows = accounts.stream()
                .map(a -> List.of(CsvCells.text(a.username()), CsvCells.text(a.displayName()), CsvCells.text(a.password())))
                .toList();
        return WRITER.writer(schema).writeValueAsString(rows);
    }
}
