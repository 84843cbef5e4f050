package org.convlab.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.HashSet;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Answers a lesson's quiz in the browser. The conceptual questions' right answers are read from the
 * lesson's quiz file (lessons/quiz/&lt;slug&gt;.properties), as a learner who knew them would pick them.
 */
final class QuizForm {

    private QuizForm() {}

    /** The right choices' texts of the lesson's conceptual questions. */
    static Set<String> rightChoices(String slug) {
        return rightChoices(slug, "en");
    }

    /** The right choices' texts in {@code language} ("de" reads lessons/quiz/&lt;slug&gt;_de.properties). */
    static Set<String> rightChoices(String slug, String language) {
        ResourceBundle bundle = ResourceBundle.getBundle("lessons.quiz." + slug, Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Set<String> right = new HashSet<>();
        for (int n = 1; bundle.containsKey("concept." + n + ".answer"); n++) {
            right.add(bundle.getString("concept." + n + ".answer"));
        }
        return right;
    }

    /** Picks, in every choice group of the quiz, a right choice or a wrong one. */
    static void pickChoices(Page page, String slug, boolean right) {
        pickChoices(page, rightChoices(slug), right);
    }

    /** Picks, in every choice group of the quiz, one of {@code rightOnes} or one that is not. */
    static void pickChoices(Page page, Set<String> rightOnes, boolean right) {
        Locator groups = page.locator(".quiz vaadin-radio-group");
        for (int g = 0; g < groups.count(); g++) {
            Locator buttons = groups.nth(g).locator("vaadin-radio-button");
            for (int b = 0; b < buttons.count(); b++) {
                String label = buttons.nth(b).locator("label").textContent().strip();
                if (rightOnes.contains(label) == right) {
                    buttons.nth(b).locator("input").check();
                    break;
                }
            }
        }
    }

    /**
     * On the lesson's page: every number wrong and every choice wrong, then "Check answers"; waits for
     * the score.
     */
    static void answerWrong(Page page, String slug) {
        page.waitForSelector(".quiz vaadin-text-field");
        Locator answers = page.locator(".quiz vaadin-text-field input");
        for (int i = 0; i < answers.count(); i++) {
            answers.nth(i).fill("12345");
        }
        pickChoices(page, slug, false);
        page.getByText("Check answers").click();
        page.waitForSelector(".quiz-score:has-text('right')");
    }
}
