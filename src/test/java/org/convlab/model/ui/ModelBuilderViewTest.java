package org.convlab.model.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.convlab.base.ui.HomeViewProbe;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.ModelSpecJson;
import org.convlab.model.Padding;
import org.convlab.model.Presets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.Tag;

@Tag("database")
@SpringBootTest
class ModelBuilderViewTest extends SpringBrowserlessTest {

    private static List<LayerRow> rows(ModelBuilderView view) {
        return view.rows.getChildren().map(LayerRow.class::cast).toList();
    }

    @Test
    void startsFromDeck002sModelWithKerasCounts() {
        ModelBuilderView view = navigate(ModelBuilderView.class);
        List<LayerRow> rows = rows(view);
        assertThat(rows).hasSize(7);
        assertThat(rows.getFirst().params.getText()).isEqualTo("640 params");
        assertThat(rows.getFirst().shape.getText()).isEqualTo("→ 26×26×64");
        assertThat(rows.get(5).params.getText()).isEqualTo("409,728 params");
        assertThat(view.total.getText()).contains("485,514 parameters");
        assertThat(view.djlCode.getText()).contains("Conv2d.builder().setFilters(64).setKernelShape(new Shape(3, 3))",
                "Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2))", "Blocks.batchFlattenBlock()");
        assertThat(view.problems.getChildren()).isEmpty();
    }

    @Test
    void theInputAndTheClassesAreTheModelsOwnAndCountInItsParameters() {
        ModelBuilderView view = navigate(ModelBuilderView.class);
        test(view.preset).selectItem("cifar-cnn");
        assertThat(view.input.getValue()).isEqualTo(new org.convlab.model.ModelSpec.InputShape(3, 32, 32));
        assertThat(view.total.getText()).contains("890,410 parameters");

        // The same layers on Fashion-MNIST's images: 28 → 26 → 24 → pool 12 → 10 → 8 → pool 4, flatten
        // 4·4·64 = 1,024; conv1 (3·3·1 + 1)·32 = 320 instead of 896; dense (1,024 + 1)·512 = 524,800.
        test(view.input).selectItem("28×28 grayscale (Fashion-MNIST, MNIST)");
        assertThat(view.total.getText()).contains(String.format("%,d parameters",
                320 + 9_248 + 18_496 + 36_928 + 524_800 + 5_130));
        // Two classes: the last layer must give two scores, and says so until it does.
        test(view.classes).setValue(2);
        assertThat(view.total.getText()).contains("cannot be trained yet");
        assertThat(view.spec().classesOrDefault()).isEqualTo(2);
        assertThat(view.spec().inputOrDefault()).isEqualTo(org.convlab.model.ModelSpec.FASHION_MNIST);
    }

    @Test
    void theActivationListsStateLeakyRelusSlope() {
        ModelBuilderView view = navigate(ModelBuilderView.class);
        @SuppressWarnings("unchecked")
        Select<ActivationKind> activation = (Select<ActivationKind>) rows(view).getFirst().fields.stream()
                .filter(f -> f instanceof Select<?> s && s.getListDataView().getItems().anyMatch(ActivationKind.RELU::equals))
                .findFirst().orElseThrow();
        // The same slope the ReLU lesson shows and the training engine uses.
        assertThat(activation.getItemLabelGenerator().apply(ActivationKind.LEAKY_RELU)).isEqualTo("leaky_relu (α = 0.3)");
        assertThat(activation.getItemLabelGenerator().apply(ActivationKind.RELU)).isEqualTo("relu");
    }

    @Test
    void editingALayerUpdatesItsCountAndTheTotalAtOnce() {
        ModelBuilderView view = navigate(ModelBuilderView.class);
        IntegerField filters = (IntegerField) rows(view).getFirst().fields.getFirst();
        test(filters).setValue(32);
        // conv 32 3×3: 320; next conv 3·3·32·128 + 128 = 36,992; dense 3200·128+128 and 1,290 unchanged.
        assertThat(rows(view).getFirst().params.getText()).isEqualTo("320 params");
        assertThat(rows(view).get(2).params.getText()).isEqualTo("36,992 params");
        assertThat(view.total.getText()).contains(String.format("%,d parameters", 320 + 36_992 + 409_728 + 1_290));
        assertThat(view.spec().layers().getFirst()).isEqualTo(new Layer.Conv2d(32, 3, 1,
                Padding.VALID, ActivationKind.RELU, 0.0, 0.0));
    }

    @Test
    void anImpossibleModelNamesTheLayerThatBreaksIt() {
        ModelBuilderView view = navigate(ModelBuilderView.class);
        test(rows(view).get(4).remove).click(); // remove the flatten
        List<LayerRow> rows = rows(view);
        assertThat(rows).hasSize(6);
        LayerRow dense = rows.get(4);
        assertThat(dense.problem.isVisible()).isTrue();
        assertThat(dense.problem.getText()).startsWith("layer 5 (dense)");
        assertThat(dense.hasClassName("layer-broken")).isTrue();
        assertThat(rows.getFirst().hasClassName("layer-broken")).isFalse();
        assertThat(rows.getFirst().params.getText()).isEqualTo("640 params");
        assertThat(view.total.getText()).contains("cannot be trained yet");
        assertThat(view.problems.getChildren().count()).isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void poolingPaddingSameKeepsTheEdgeWindowsAndNeedsTheStrideToEqualTheWindow() {
        ModelBuilderView view = navigate(ModelBuilderView.class);
        LayerRow pool = rows(view).get(1);
        assertThat(pool.getElement().getAttribute("data-kind")).isEqualTo("maxpool");
        Select<Padding> padding = (Select<Padding>) pool.fields.get(2);
        test(padding).selectItem("same");
        assertThat(view.spec().layers().get(1)).isEqualTo(new Layer.MaxPool(2, null, Padding.SAME));
        assertThat(rows(view).get(1).problem.isVisible()).isFalse();
        IntegerField stride = (IntegerField) rows(view).get(1).fields.get(1);
        test(stride).setValue(1);
        assertThat(rows(view).get(1).problem.getText()).isEqualTo("layer 2 (maxpool): padding \"same\" needs the "
                + "stride to equal the window (2), not 1; leave the stride out or use padding \"valid\"");
    }

    @Test
    void layersMoveAndTheShapesFollow() {
        ModelBuilderView view = navigate(ModelBuilderView.class);
        test(rows(view).get(1).down).click(); // maxpool below the second conv
        List<LayerRow> rows = rows(view);
        assertThat(rows.get(1).getElement().getAttribute("data-kind")).isEqualTo("conv2d");
        assertThat(rows.get(1).shape.getText()).isEqualTo("→ 24×24×128");
        assertThat(rows.get(2).shape.getText()).isEqualTo("→ 12×12×128");
    }

    @Test
    void aBadImportChangesNothingAndSaysWhy() {
        ModelBuilderView view = navigate(ModelBuilderView.class);
        var before = view.spec();
        view.importJson("{\"layers\": [{\"type\": \"teleport\"}]}".getBytes(StandardCharsets.UTF_8));
        assertThat(view.spec()).isEqualTo(before);
        assertThat(test($(Notification.class).last()).getText()).contains("not a model spec ConvLab can read");

        var dense = Presets.get("dense");
        view.importJson(ModelSpecJson.write(dense).getBytes(StandardCharsets.UTF_8));
        assertThat(rows(view)).hasSize(dense.layers().size());
    }

    @Test
    void theDraftSurvivesLeavingThePage() {
        ModelBuilderView view = navigate(ModelBuilderView.class);
        test(rows(view).get(6).remove).click();
        int layers = view.spec().layers().size();
        HomeViewProbe.open(this);
        ModelBuilderView again = navigate(ModelBuilderView.class);
        assertThat(again.spec().layers()).hasSize(layers);
    }

    @Test
    void germanLearnersBuildInGermanWithGermanNumbersAndProblems() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        ModelBuilderView view = navigate(ModelBuilderView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("Modell bauen");
        assertThat(view.classes.getLabel()).isEqualTo("Klassen");
        List<LayerRow> rows = rows(view);
        assertThat(rows.get(5).params.getText()).isEqualTo("409.728 Parameter");
        assertThat(view.total.getText()).startsWith("Insgesamt: 485.514 Parameter (485.514 trainierbar).");
        assertThat(((IntegerField) rows.getFirst().fields.getFirst()).getLabel()).isEqualTo("Filter");

        test(rows.get(4).remove).click(); // remove the flatten
        LayerRow dense = rows(view).get(4);
        assertThat(dense.problem.getText()).isEqualTo("Schicht 5 (dense): Die Eingabe dieser Schicht ist ein Bild von 128×5×5"
                + " (Kanäle×Höhe×Breite); füge vor der ersten Dense-Schicht eine Flatten-Schicht (Abflachen) ein");
        assertThat(view.total.getText()).isEqualTo("Dieses Modell kann noch nicht trainiert werden: Behebe die Probleme unten.");
    }

    @Test
    void spanishLearnersBuildInSpanish() {
        UI.getCurrent().setLocale(Locale.of("es"));
        ModelBuilderView view = navigate(ModelBuilderView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("Construir un modelo");
        assertThat(view.total.getText()).contains("485.514 parámetros");
        view.importJson("{\"layers\": [{\"type\": \"teleport\"}]}".getBytes(StandardCharsets.UTF_8));
        assertThat(test($(Notification.class).last()).getText())
                .startsWith("Ese archivo no es una descripción de modelo que ConvLab pueda leer: la descripción del modelo no es un JSON válido");
    }
}
