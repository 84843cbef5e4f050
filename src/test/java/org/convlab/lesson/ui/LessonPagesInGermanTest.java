package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import java.util.List;
import java.util.Locale;
import org.convlab.i18n.LocalFormat;
import org.convlab.lesson.Pooling;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The lessons' frame in German and Spanish: headings, the quiz, the animation's sentences and numbers
 * with a decimal comma, and a German learner's "0,5" accepted as an answer. (The lesson texts of
 * lessons/<slug>_de.properties are checked where they are written.)
 */
@Tag("database")
@SpringBootTest
class LessonPagesInGermanTest extends SpringBrowserlessTest {

    @Test
    void aLessonPageReadsInGermanWithGermanNumbers() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        PoolingLessonView page = navigate(PoolingLessonView.class);
        assertThat($(H1.class, page).single().getText()).isEqualTo("Pooling");
        assertThat(page.getPageTitle()).isEqualTo("Pooling · ConvLab");
        assertThat(page.getElement().getTextRecursively()).contains("Lektion 4 von 9", "Probier es aus: ",
                "Im Code (DJL)", "Teste dich selbst", "Alle Lektionen",
                "Jedes Mal neue Zahlen. Du kannst Brüche wie 7/9 oder Dezimalzahlen eingeben.");
        assertThat(page.quiz.check.getText()).isEqualTo("Antworten prüfen");

        // Average pooling of the X/O map: means written with a decimal comma, in German sentences.
        page.kind.setValue(Pooling.Kind.AVERAGE);
        List<AnimationTrace.Step> steps = page.animation.trace().steps();
        assertThat(steps.getFirst().description()).startsWith("Ausgabe in Zeile 1, Spalte 1: Das Fenster überdeckt")
                .contains("Der Mittelwert ist (");
        assertThat(steps).anyMatch(s -> s.sum().matches(".*= −?\\d+,\\d+"));
        assertThat(steps).noneMatch(s -> s.sum().matches(".*\\d\\.\\d.*"));
        assertThat(page.animation.trace().input().title()).isEqualTo("Eingabe 7×7");
    }

    @Test
    void aGermanLearnerTypesADecimalComma() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        PoolingLessonView page = navigate(PoolingLessonView.class);
        Quiz quiz = page.quiz;
        // The second question is a mean with a tolerance of 0.005: its answer typed the German way.
        QuizQuestion mean = quiz.questions().get(1);
        test(quiz.field(1)).setValue(LocalFormat.decimal(Locale.GERMAN, mean.answer(), 3));
        test(quiz.check).click();
        assertThat(quiz.feedback(1)).startsWith("Richtig: ");
        assertThat(quiz.score()).matches("Bisher \\d von \\d richtig\\. Beantworte alle Fragen.*");
        test(quiz.field(1)).setValue("keine Zahl");
        test(quiz.check).click();
        assertThat(quiz.feedback(1)).isEqualTo("Gib zuerst eine Zahl ein, etwa 4 oder 0,5 oder 7/9.");
    }

    @Test
    void theListOfLessonsReadsInSpanish() {
        UI.getCurrent().setLocale(Locale.of("es"));
        LearnView view = navigate(LearnView.class);
        assertThat($(H1.class, view).single().getText()).isEqualTo("Aprende cómo funciona una CNN");
        assertThat(view.badge(Lesson.CONVOLUTION)).isEqualTo("sin empezar");
        view.showProgress(LessonProgress.parse("{\"convolution\":{\"correct\":3,\"total\":3}}"));
        assertThat(view.badge(Lesson.CONVOLUTION)).isEqualTo("completada · cuestionario 3/3");
        assertThat(view.summary.getText()).startsWith("1 de 9 lecciones completadas");
        assertThat(view.getElement().getTextRecursively()).contains("Convolución", "Cómo aprende una red");
    }
}
