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
    public static final String COLOUR_ID = "tiny-colour-upload-source";
    private static byte[] colourZip;

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

    /**
     * A colour run (3×32×32, classes "red" and "green": the patches of ColourTrainingTest, as
     * TestDatasets writes them too) trained for one epoch on the data set {@code "colour-shapes"}.
     */
    public static synchronized Path colourRun() {
        if (colourZip == null) {
            try {
                Hyperparameters hp = Hyperparameters.defaults().withEpochs(1).withBatchSize(32).withValidationSplit(0)
                        .withDevice(DeviceChoice.CPU).withDataset("colour-shapes");
                TrainingRun.execute(org.convlab.model.ModelValidator.validate(TestModels.tinyCnn().spec().forData(3, 32, 2)),
                        hp, ColourTrainingTest.patches(200, 1), ColourTrainingTest.patches(50, 2), RUNS.resolve(COLOUR_ID),
                        ModelLimits.DEFAULT, ProgressListener.NONE, new TrainingControl());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                RunStore.writeZip(COLOUR_ID, RUNS.resolve(COLOUR_ID), out);
                colourZip = out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return RUNS.resolve(COLOUR_ID);
    }

    /** The colour run's zip with its settings naming the data set {@code key} (null: none, the default). */
    public static synchronized byte[] colourZip(String key) {
        colourRun();
        return withDataset(colourZip, key);
    }

    /** The grayscale run's zip with its settings naming the data set {@code key}. */
    public static synchronized byte[] zip(String key) {
        return withDataset(zip(), key);
    }

    /** A run zip with run.json's {@code hyperparameters.dataset} set to {@code key} (removed when null). */
    static byte[] withDataset(byte[] zip, String key) {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
                for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    byte[] data = in.readAllBytes();
                    if (e.getName().endsWith("run.json")) {
                        var record = (tools.jackson.databind.node.ObjectNode) OwnJson.MAPPER.readTree(data);
                        var hp = (tools.jackson.databind.node.ObjectNode) record.get("hyperparameters");
                        if (key == null) {
                            hp.remove("dataset");
                        } else {
                            hp.put("dataset", key);
                        }
                        data = OwnJson.MAPPER.writeValueAsBytes(record);
                    }
                    out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                    out.write(data);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
