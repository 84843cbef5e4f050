package org.convlab.dataset.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.convlab.account.SignedIn;
import org.convlab.base.ui.PixelImage;
import org.convlab.base.ui.Sketchpad;
import org.convlab.dataset.library.Sketches;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The draw page: name the classes, draw, add (the pad clears), delete a bad drawing from its strip,
 * and make the data set once every class has enough drawings, with the reason shown while it
 * cannot; the X/O lesson's link names the two classes.
 */
@SignedIn(username = "drawer")
@Tag("database")
@SpringBootTest
class DrawDatasetViewTest extends SpringBrowserlessTest {

    private final Random random = new Random(7);

    /** As the X/O lesson's link opens it: data/draw?classes=X,O. */
    private DrawDatasetView withXAndO() {
        UI.getCurrent().navigate("data/draw", QueryParameters.of("classes", "X,O"));
        return (DrawDatasetView) UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst();
    }

    private void draw(DrawDatasetView view, byte[] png) {
        String url = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        ComponentUtil.fireEvent(view.sketchpad, new Sketchpad.ChangeEvent(view.sketchpad, true, url));
    }

    private void drawAndAdd(DrawDatasetView view, int row, byte[] png) {
        view.drawingOf.setValue(view.rows.get(row));
        draw(view, png);
        test(view.add).click();
    }

    @Test
    void opensWithTwoUnnamedClassesAndSaysWhyItCannotMakeASetYet() {
        DrawDatasetView view = navigate(DrawDatasetView.class);

        assertThat(view.rows).hasSize(2);
        assertThat(view.make.isEnabled()).isFalse();
        assertThat(view.whyNot.getText()).isEqualTo("Name every class first (see above).");
        assertThat(view.nameProblems.getElement().getTextRecursively()).contains("Class 1 has no name yet.",
                "Class 2 has no name yet.");
        assertThat(view.add.isEnabled()).as("nothing drawn yet").isFalse();
        assertThat(view.getElement().getTextRecursively()).contains("leaving the page discards them");
    }

    @Test
    void theDrawPageReadsInGerman() {
        UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        DrawDatasetView view = withXAndO();

        assertThat(view.getPageTitle()).isEqualTo("Datensatz zeichnen · ConvLab");
        assertThat(view.whyNot.getText()).isEqualTo("Zeichne mindestens 5 von jeder Klasse: X braucht noch 5, O braucht noch 5.");
        test(view.rows.get(1).name).setValue("");
        assertThat(view.nameProblems.getElement().getTextRecursively()).contains("Klasse 2 hat noch keinen Namen.");
        assertThat(view.rows.get(0).count.getText()).isEqualTo("0 Zeichnungen");
        assertThat(view.make.getText()).isEqualTo("Datensatz erstellen");
    }

    @Test
    void theLessonLinkNamesXAndOAndDuplicateNamesAreCalledOut() {
        DrawDatasetView view = withXAndO();
        assertThat(view.rows).extracting(r -> r.name.getValue()).containsExactly("X", "O");
        assertThat(view.whyNot.getText()).isEqualTo("Draw at least 5 of each class: X needs 5 more, O needs 5 more.");

        test(view.rows.get(1).name).setValue("x");

        assertThat(view.nameProblems.getElement().getTextRecursively())
                .contains("Classes 1 and 2 are both called \"x\" (capitals do not count)");
        assertThat(view.make.isEnabled()).isFalse();
    }

    @Test
    void drawingsAreAddedToTheChosenClassShownAsThumbnailsAndCanBeDeleted() {
        DrawDatasetView view = withXAndO();

        drawAndAdd(view, 0, Sketches.x(random));

        var x = view.rows.get(0);
        assertThat(x.count.getText()).isEqualTo("1 drawing");
        PixelImage thumbnail = find(PixelImage.class, x.strip).single();
        assertThat(thumbnail.getAlt()).contains("X drawing 1");
        assertThat(view.add.isEnabled()).as("the pad was cleared").isFalse();
        Button delete = find(Button.class, x.strip).single();
        assertThat(delete.getAriaLabel()).contains("Delete X drawing 1");

        test(delete).click();

        assertThat(x.count.getText()).isEqualTo("0 drawings");
        assertThat(find(PixelImage.class, x.strip).all()).isEmpty();
    }

    @Test
    void aBlankDrawingIsNotAdded() {
        DrawDatasetView view = withXAndO();

        drawAndAdd(view, 0, Sketches.blank());

        assertThat(view.drawingProblem.isVisible()).isTrue();
        assertThat(view.drawingProblem.getText()).isEqualTo("Not added: The drawing is empty: draw something first.");
        assertThat(view.rows.get(0).drawings).isEmpty();
    }

    @Test
    void atMostTenClassesAndNeverFewerThanTwo() {
        DrawDatasetView view = navigate(DrawDatasetView.class);
        assertThat(view.rows.get(0).remove.isEnabled()).isFalse();
        for (int i = 0; i < 12; i++) {
            if (view.addClass.isEnabled()) {
                test(view.addClass).click();
            }
        }
        assertThat(view.rows).hasSize(10);
        assertThat(view.addClass.isEnabled()).isFalse();
        test(view.rows.get(3).remove).click();
        assertThat(view.rows).hasSize(9);
    }

    @Test
    void fiveOfEachMakeADataSetToTrainOnWithTheLessonFiveNote() {
        DrawDatasetView view = withXAndO();
        for (int i = 0; i < 5; i++) {
            drawAndAdd(view, 0, Sketches.x(random));
        }
        for (int i = 0; i < 4; i++) {
            drawAndAdd(view, 1, Sketches.o(random));
        }
        assertThat(view.make.isEnabled()).isFalse();
        assertThat(view.whyNot.getText()).isEqualTo("Draw at least 5 of each class: O needs 1 more.");

        drawAndAdd(view, 1, Sketches.o(random));
        assertThat(view.make.isEnabled()).isTrue();
        test(view.make).click();

        String text = view.result.getElement().getTextRecursively();
        assertThat(text).contains("Made: Drawings: X, O · 2 classes · 28×28 grayscale · 8 + 2 images",
                "compare its first-layer filters with the diagonal filters of lesson 5");
        List<String> links = find(Anchor.class, view.result).all().stream().map(Anchor::getHref).toList();
        assertThat(links).anyMatch(h -> h.matches("train\\?dataset=drawings-x-o-[a-z0-9]+"))
                .anyMatch(h -> h.matches("data\\?dataset=drawings-x-o-[a-z0-9]+"))
                .contains("learn/x-or-o");
        assertThat(view.rows.get(0).drawings).as("the page starts afresh").isEmpty();
    }
}
