package org.convlab.lesson.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import org.convlab.base.ui.I18n;
import org.convlab.lesson.SizeException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The frame every lesson shares, top to bottom: title and introduction, titled sections (the
 * animation, a "try it"), the DJL code for what the lesson showed, the quiz, and links to the
 * previous and next lessons.
 */
abstract class LessonPage extends Main implements HasDynamicTitle {

    final Lesson lesson;
    Quiz quiz;
    private LessonText words;

    /** A page whose words are in {@code lessons/<slug>.properties}: the introduction is intro.1, intro.2… */
    LessonPage(Lesson lesson) {
        this(lesson, introduction(LessonText.of(lesson)));
    }

    LessonPage(Lesson lesson, String... introduction) {
        this.lesson = lesson;
        addClassNames("page", "lesson-page");
        Span number = new Span(I18n.t("lesson.page.number", lesson.number(), Lesson.values().length));
        number.addClassName("lesson-number");
        add(number, new H1(lesson.title()));
        for (String paragraph : introduction) {
            Paragraph text = new Paragraph(paragraph);
            text.addClassName("lead");
            add(text);
        }
    }

    /** The browser tab: the lesson's short name, in the page's language. */
    @Override
    public String getPageTitle() {
        return I18n.t("lesson.page-title." + lesson.slug());
    }

    /**
     * Labels for a choice whose values are the English texts of {@code keys} (the values stay English,
     * so the page's logic and its tests compare them the same way in every language).
     */
    ItemLabelGenerator<String> shownAs(String... keys) {
        LessonText english = LessonText.of(lesson, Locale.ENGLISH);
        return value -> Arrays.stream(keys).filter(key -> english.get(key).equals(value)).findFirst()
                .map(this::t).orElse(value);
    }

    /** Why the learner's settings do not work, in the page's language where the maths says it in words. */
    static String reason(IllegalArgumentException e) {
        return e instanceof SizeException size ? I18n.t(size.text()) : e.getMessage();
    }

    private static String[] introduction(LessonText words) {
        java.util.List<String> paragraphs = new java.util.ArrayList<>();
        for (int i = 1; words.has("intro." + i); i++) {
            paragraphs.add(words.get("intro." + i));
        }
        return paragraphs.toArray(String[]::new);
    }

    /** The lesson's words, read when first asked for. */
    LessonText words() {
        if (words == null) {
            words = LessonText.of(lesson);
        }
        return words;
    }

    /** The text under {@code key} in the lesson's file, with {@code {0}}, {@code {1}}… filled in. */
    String t(String key, Object... values) {
        return words().get(key, values);
    }

    /** An explanation paragraph from the lesson's file. */
    Paragraph explain(String key, Object... values) {
        return text(t(key, values));
    }

    /** A titled block whose title is {@code <id>.title} in the lesson's file. */
    Section section(String id, Component... content) {
        return section(id, t(id + ".title"), content);
    }

    /** A "try it" block whose title is {@code <id>.title} in the lesson's file. */
    Section tryIt(String id, Component... content) {
        return tryIt(id, t(id + ".title"), content);
    }

    /** The DJL block, explained by {@code djl.text} in the lesson's file. */
    Section djl(Component code) {
        return djl(t("djl.text"), code);
    }

    /** The DJL block for fixed code, explained by {@code djl.text} in the lesson's file. */
    Section djlSource(String source) {
        return djl(t("djl.text"), source);
    }

    /** A titled block; {@code id} is what quiz feedback links back to. */
    Section section(String id, String title, Component... content) {
        Section section = new Section();
        section.setId(id);
        section.addClassName("lesson-section");
        section.add(new H2(title));
        section.add(content);
        add(section);
        return section;
    }

    /** A "try it" block, marked so it stands out from the explanation. */
    Section tryIt(String id, String title, Component... content) {
        Section section = section(id, I18n.t("lesson.page.try-it", title), content);
        section.addClassName("try-it");
        return section;
    }

    static Paragraph text(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassName("explanation");
        return paragraph;
    }

    /** A formula or worked sum, set apart from the prose. */
    static Div formula(String text) {
        Div formula = new Div(text);
        formula.addClassName("formula");
        return formula;
    }

    static Pre code(String source) {
        Pre pre = new Pre(new Code(source));
        pre.addClassName("djl-code");
        return pre;
    }

    /** The DJL lines that do what the lesson animated, so the step to real code is short. */
    Section djl(String explanation, String source) {
        return djl(explanation, code(source));
    }

    /** For code that follows the learner's settings: {@code code} is updated by the page. */
    Section djl(String explanation, Component code) {
        return section("djl", I18n.t("lesson.page.djl"), text(explanation), code);
    }

    /** Ends the page: the quiz, then the way on. */
    void finish(Supplier<List<QuizQuestion>> questions) {
        quiz = new Quiz(lesson, questions);
        add(quiz);
        Nav nav = new Nav();
        nav.addClassName("lesson-nav");
        lesson.previous().ifPresent(p -> nav.add(new Anchor(p.route(), "← " + p.title())));
        nav.add(new Anchor("learn", I18n.t("lesson.page.all")));
        lesson.next().ifPresent(n -> nav.add(new Anchor(n.route(), n.title() + " →")));
        add(nav);
    }
}
