package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.convlab.base.ui.PixelImage;
import org.convlab.model.ModelLimits;
import org.convlab.model.ModelValidator;
import org.convlab.model.Presets;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.TrainingControl;
import org.convlab.training.engine.ProgressListener;
import org.convlab.training.engine.TrainingRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.Tag;
import java.util.concurrent.TimeUnit;

@Tag("database")
@SpringBootTest(properties = "convlab.runs-dir=target/test-runs/try-it")
class TryItViewTest extends OwnedRunsTest {


    @BeforeAll
    static void trainATinyModel() {
        Path dir = Path.of("target/test-runs/try-it/cnn-quick");
        if (!dir.resolve("run.json").toFile().exists()) {
            TrainingRun.execute(ModelValidator.validate(Presets.get("baseline-cnn")),
                    Hyperparameters.defaults().withEpochs(1).withLimit(2_000),
                    FashionMnistArrays.train(), FashionMnistArrays.test(), dir, ModelLimits.DEFAULT,
                    ProgressListener.NONE, new TrainingControl());
        }
    }

    /** A drawing like the sketchpad sends: black strokes on white, here a pair of trouser legs. */
    private static byte[] drawnTrousers() throws IOException {
        BufferedImage image = new BufferedImage(280, 280, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 280, 280);
        g.setColor(Color.BLACK);
        g.fillRect(90, 20, 100, 40);
        g.fillRect(90, 20, 40, 240);
        g.fillRect(150, 20, 40, 240);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    @Test
    void aDrawingIsShownAt28x28AndClassified() throws Exception {
        TryItView view = navigate(TryItView.class);
        assertThat(view.run.getValue().id()).isEqualTo("cnn-quick");

        view.classify(drawnTrousers());

        assertThat(find(PixelImage.class, view.seen).single().getAlt()).hasValue("Your image at 28×28, as the model sees it");
        view.pending.get(30, TimeUnit.SECONDS);
        // The answer arrives through UI.access from the training thread: let the session run it.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (view.verdict.getText().startsWith("Thinking") && System.nanoTime() < deadline) {
            var session = com.vaadin.flow.server.VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            Thread.sleep(20);
        }
        assertThat(view.verdict.getText()).matches(".+ \\(\\d+% sure\\)");
        var probabilities = view.probabilities.config();
        assertThat(probabilities.labels()).hasSize(10);
        double sum = probabilities.seriesValues(0).stream().mapToDouble(Number::doubleValue).sum();
        assertThat(sum).isBetween(0.98, 1.02);
        assertThat(view.problem.isVisible()).isFalse();

        // Then the feature maps and the Grad-CAM of the same drawing, once the model is open.
        deadline = System.nanoTime() + 60_000_000_000L;
        while (find(GradCamPanel.class, view.insideModel).all().isEmpty() && System.nanoTime() < deadline) {
            var session = com.vaadin.flow.server.VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            Thread.sleep(50);
        }
        assertThat(find(FeatureMapsPanel.class, view.insideModel).all()).hasSize(1);
        assertThat(find(GradCamPanel.class, view.insideModel).all()).hasSize(1);
        // And the whole network explained for the drawing: its own overview, the first conv cell traced.
        RunViewTest.await(view.explanation.overviewShown);
        RunViewTest.await(view.explanation.traceShown);
        assertThat(view.explanation.overview.layers().getFirst().values()).hasSize(784);
        assertThat(find(NeuronTracePanel.class, view.explanation.traceArea).single().result.getText())
                .endsWith("the same.");
    }

    @Test
    void aFileThatIsNotAPictureGetsAClearMessageAndNothingElseHappens() {
        TryItView view = navigate(TryItView.class);
        view.classify("definitely not a picture".getBytes());
        assertThat(view.problem.isVisible()).isTrue();
        assertThat(view.problem.getText()).contains("PNG or JPEG");
        assertThat(view.seen.getChildren()).isEmpty();
        assertThat(view.verdict.getText()).isEmpty();
    }
}
