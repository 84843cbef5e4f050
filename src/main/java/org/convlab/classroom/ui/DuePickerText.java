package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker.DateTimePickerI18n;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The words of a date-and-time picker in the page's language. Vaadin's picker writes its calendar in
 * English whatever its locale; month and weekday names come from Java's own data for the language,
 * the buttons and error messages from the classroom bundle.
 */
final class DuePickerText {

    private DuePickerText() {}

    /** Sets {@code picker}'s locale and every word it shows to {@code locale}'s. */
    static void apply(DateTimePicker picker, Locale locale) {
        picker.setLocale(locale);
        picker.setDatePickerI18n(calendar(locale));
        picker.setI18n(new DateTimePickerI18n()
                .setDateLabel(t("classroom.editor.due.date"))
                .setTimeLabel(t("classroom.editor.due.time"))
                .setBadInputErrorMessage(t("classroom.editor.due.bad-input"))
                .setIncompleteInputErrorMessage(t("classroom.editor.due.incomplete")));
    }

    /** The calendar's month and weekday names (Sunday first, as Vaadin lists them) and its buttons. */
    static DatePickerI18n calendar(Locale locale) {
        List<DayOfWeek> sundayFirst = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        return new DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList())
                .setWeekdays(sundayFirst.stream().map(d -> d.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList())
                .setWeekdaysShort(sundayFirst.stream().map(d -> d.getDisplayName(TextStyle.SHORT_STANDALONE, locale)).toList())
                // German and Spanish calendars start on Monday; English ones, as Vaadin's, on Sunday.
                .setFirstDayOfWeek(locale.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? 0 : 1)
                .setToday(t("classroom.editor.due.today"))
                .setCancel(t("classroom.editor.due.cancel"));
    }
}
