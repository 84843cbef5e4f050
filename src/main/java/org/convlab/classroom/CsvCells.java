package org.convlab.classroom;

/**
 * Text for a cell of a CSV file that a teacher opens in a spreadsheet. A cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is read as a formula by
 * Excel, LibreOffice and Google Sheets, so a learner named {@code =HYPERLINK(...)} could plant a link
 * or a command in the teacher's gradebook (CSV or "formula" injection). Such a cell gets a leading
 * apostrophe, which every spreadsheet reads as "this is text". Every CSV ConvLab writes passes its
 * text cells through here, whichever CSV library writes the file.
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {}

    /** True when a spreadsheet would read this text as a formula. */
    public static boolean looksLikeFormula(String text) {
        return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
    }

    /** The text, with a leading apostrophe when a spreadsheet would otherwise run it as a formula. */
    public static String text(String text) {
        if (text == null) {
            return "";
        }
        return looksLikeFormula(text) ? "'" + text : text;
    }
}
