package org.convlab.training.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.convlab.model.ModelLimits;
import org.convlab.testsupport.TestFiles;

/**
 * A real run folder made once per test JVM for the upload tests: the tiny CNN trained for one epoch
 * on 1,000 images with no validation images (so its history holds NaN, as ConvLab writes it), and
 * its zip exactly as the Download serves it.
 */
public final class UploadFixtures {

    public static final String ID = "tiny-upload-source";
    private static final Path RUNS = Path.of("target/test-runs-upload-source");
    private static byte[] zip;

    private UploadFixtures() {}

    /** The trained run's folder. */
    public static synchronized Path run() {
        if (zip == null) {
            try {
                TestFiles.deleteTree(RUNS);
                Hyperparameters hp = Hyperparameters.defaults().withEpochs(1).withLimit(1000).withBatchSize(32)
                        .withValidationSplit(0).withDevice(DeviceChoice.CPU);
                TrainingRun.execute(TestModels.tinyCnn(), hp, FashionMnistArrays.train(), FashionMnistArrays.test(),
                        RUNS.resolve(ID), ModelLimits.DEFAULT, ProgressListener.NONE, new TrainingControl());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                RunStore.writeZip(ID, RUNS.resolve(ID), out);
                zip = out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return RUNS.resolve(ID);
    }

    /** The run as its Download zip. */
    public static synchronized byte[] zip() {
        run();
        return zip.clone();
    }
}
