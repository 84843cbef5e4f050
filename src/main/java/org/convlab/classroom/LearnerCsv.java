package org.convlab.classroom;

import org.convlab.i18n.Text;
import org.convlab.i18n.Translations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

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

    /** Spaces around a value (and around its quotes) are dropped; empty lines are skipped. */
    private static final CSVFormat READER = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    /** One learner a line, ended by a plain line feed, as the download always was. */
    private static final CSVFormat WRITER = CSVFormat.DEFAULT.builder()
            .setHeader(HEADER.split(","))
            .setRecordSeparator('\n')
            .get();

    private LearnerCsv() {}

    static List<Row> read(String text) {
        // Spreadsheet programs often start a UTF-8 file with a byte order mark.
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        List<Text> problems = new ArrayList<>();
        Lines lines = new Lines(csv);
        long line = 1;
        try (CSVParser parser = CSVParser.parse(csv, READER)) {
            boolean header = true;
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // Where the next record starts, should reading it fail: the line after the last one read.
                line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a line of nothing but spaces
                }
                line = lines.lineAt(record.getCharacterPosition());
                List<String> value = record.toList();
                if (header) {
                    checkHeader(value, line);
                    header = false;
                } else if (value.size() < 2 || value.size() > 3) {
                    problems.add(Text.of("classroom.csv.line.values", line, (long) value.size()));
                } else {
                    rows.add(new Row((int) line, value.get(0), value.get(1), value.size() == 3 ? value.get(2) : ""));
                }
                if (rows.size() > MAX_ROWS) {
                    throw new AccountException(Text.of("classroom.csv.too-many", line, (long) MAX_ROWS));
                }
            }
            if (header) {
                throw new AccountException(Text.of("classroom.csv.empty", HEADER));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // The bad record starts at its first value after the empty lines the parser skipped.
            line = new Lines(csv).lineAt(Lines.startOf(csv, line));
            throw new AccountException(Text.of("classroom.csv.invalid", line));
        }
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        if (rows.isEmpty()) {
            throw new AccountException(Text.of("classroom.csv.no-learners"));
        }
        return rows;
    }

    /** Every bad line of a class list at once: the message names the first and counts the others. */
    static AccountException refused(List<Text> problems) {
        int more = problems.size() - 1;
        Text message = more == 0 ? problems.getFirst() : Text.count("classroom.csv.problems", more, problems.getFirst());
        return AccountException.of(message, problems);
    }

    /**
     * A problem {@link org.convlab.account.AccountRules} found in a value, told as a problem of line
     * {@code line}: its own sentence under {@code classroom.csv.line.}, so each language words it whole.
     */
    static Text onLine(long line, Text problem) {
        String rule = problem.key().startsWith(RULES) ? LINE + problem.key().substring(RULES.length()) : null;
        if (rule == null || !Translations.has(rule)) {
            return Text.of("classroom.csv.line", line, problem);
        }
        List<Object> args = new ArrayList<>();
        args.add(line);
        args.addAll(problem.args());
        return new Text(rule, args);
    }

    private static final String RULES = "account.rules.";
    private static final String LINE = "classroom.csv.line.";

    /** Line numbers (from 1) of positions in the text; a line ends at \n, \r\n or \r, as for the CSV parser. */
    private static final class Lines {

        private final String text;
        private int counted;
        private long line = 1;

        Lines(String text) {
            this.text = text;
        }

        /**
         * The line of the first value at or after {@code position} (a record's position is where the
         * parser began it, before any empty lines and spaces it skipped). Positions only grow.
         */
        long lineAt(long position) {
            int at = (int) Math.min(position, text.length());
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            for (; counted < at; counted++) {
                char c = text.charAt(counted);
                if (c == '\n' || (c == '\r' && (counted + 1 >= text.length() || text.charAt(counted + 1) != '\n'))) {
                    line++;
                }
            }
            return line;
        }

        /** Where line {@code n} begins (the text's end when it has fewer lines). */
        static int startOf(String text, long n) {
            long line = 1;
            int at = 0;
            while (line < n && at < text.length()) {
                char c = text.charAt(at++);
                if (c == '\n' || (c == '\r' && (at >= text.length() || text.charAt(at) != '\n'))) {
                    line++;
                }
            }
            return at;
        }
    }

    private static void checkHeader(List<String> header, long line) {
        List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!names.equals(List.of("username", "display_name")) && !names.equals(List.of("username", "display_name", "password"))) {
            throw new AccountException(Text.of("classroom.csv.header", line, HEADER, String.join(",", header)));
        }
    }

    static String write(List<NewAccount> accounts) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = WRITER.print(out)) {
            for (NewAccount a : accounts) {
                csv.printRecord(CsvCells.text(a.username()), CsvCells.text(a.displayName()), CsvCells.text(a.password()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }
}
