package org.convlab.training.queue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.Hyperparameters;

/**
 * How long a run takes on this server, from how fast runs actually trained here. Each measurement
 * says: a model costing so many multiply-adds per image trained at so many images per second on
 * a kind of device. A model measured before gets its own speed. Another model's time per image is
 * read off a straight line through the measured models: a fixed part per image (moving data,
 * the optimizer's step) plus the multiply-adds at the device's measured rate. With one model
 * measured there is no fixed part to see, and time is taken as proportional to multiply-adds.
 * Nothing is guessed: a device with no measurement has no estimate (see {@link RunTimes}, which
 * then measures it).
 */
public final class TrainingTimes {

    /** One run's measured speed: a model of this cost trained this fast on this kind of device. */
    public record Measured(String device, long multiplyAdds, double imagesPerSecond) {}

    /** Fashion-MNIST's training images, the number a run without a subset trains on. */
    public static final int TRAIN_IMAGES = 60_000;
    /** The test images every run is measured on once it has trained. */
    static final int TEST_IMAGES = 10_000;
    /**
     * Validation and testing only run the model forward: about a third of a training step's work
     * (forward, then gradients for the inputs and the weights).
     */
    static final double FORWARD_ONLY_SPEEDUP = 3;

    private final List<Measured> measured;

    public TrainingTimes(List<Measured> measured) {
        this.measured = measured.stream()
                .filter(m -> m.device() != null && m.multiplyAdds() > 0
                        && m.imagesPerSecond() > 0 && Double.isFinite(m.imagesPerSecond()))
                .toList();
    }

    /** Whether any run was measured on this kind of device ("cpu" or "gpu"). */
    public boolean knows(String device) {
        return measured.stream().anyMatch(m -> m.device().equals(device));
    }

    /** Training images per second for a model of this cost on this kind of device; empty if unmeasured. */
    public OptionalDouble imagesPerSecond(String device, long multiplyAdds) {
        // Seconds per image, averaged per model cost (several runs of one model are one point).
        Map<Long, double[]> byCost = new TreeMap<>();
        for (Measured m : measured) {
            if (m.device().equals(device)) {
                double[] sum = byCost.computeIfAbsent(m.multiplyAdds(), k -> new double[2]);
                sum[0] += 1 / m.imagesPerSecond();
                sum[1]++;
            }
        }
        if (byCost.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] same = byCost.get(multiplyAdds);
        if (same != null) {
            return OptionalDouble.of(same[1] / same[0]);
        }
        int n = byCost.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (Map.Entry<Long, double[]> e : byCost.entrySet()) {
            double x = e.getKey();
            double y = e.getValue()[0] / e.getValue()[1];
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double secondsPerImage;
        double slope = n < 2 ? 0 : (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double fixed = n < 2 ? 0 : (sy - slope * sx) / n;
        if (n >= 2 && slope > 0 && fixed >= 0) {
            secondsPerImage = fixed + slope * multiplyAdds;
        } else {
            // One model measured (or measurements that do not line up): proportional to the cost.
            secondsPerImage = sxy / sxx * multiplyAdds;
        }
        return secondsPerImage > 0 ? OptionalDouble.of(1 / secondsPerImage) : OptionalDouble.empty();
    }

    /** How long a run of this model and these settings takes on this kind of device; empty if unmeasured. */
    public OptionalDouble seconds(String device, long multiplyAdds, Hyperparameters hp) {
        OptionalDouble speed = imagesPerSecond(device, multiplyAdds);
        return speed.isPresent() ? OptionalDouble.of(seconds(hp, speed.getAsDouble())) : OptionalDouble.empty();
    }

    /**
     * Training time at a speed: the training share of the images, every epoch, at the training
     * speed; the validation share every epoch and the test set once, forward only. Early stopping
     * can only make it shorter.
     */
    public static double seconds(Hyperparameters hp, double imagesPerSecond) {
        int images = images(hp);
        double train = images * (1 - hp.validationSplit()) * hp.epochs() / imagesPerSecond;
        double checks = (images * hp.validationSplit() * hp.epochs() + TEST_IMAGES)
                / (imagesPerSecond * FORWARD_ONLY_SPEEDUP);
        return train + checks;
    }

    /** The images a run uses: its subset, or all training images. */
    public static int images(Hyperparameters hp) {
        return hp.limit() == null ? TRAIN_IMAGES : Math.min(hp.limit(), TRAIN_IMAGES);
    }

    /** A device as runs describe it ("gpu(0) · PyTorch 2.5.1") as the kind estimates go by. */
    public static String kind(String described) {
        return described != null && described.strip().toLowerCase(Locale.ROOT).startsWith("gpu") ? "gpu" : "cpu";
    }

    /** The kind of device a run with this choice trains on here. */
    public static String kind(DeviceChoice choice, boolean gpuUsable) {
        return choice == DeviceChoice.GPU || (choice == DeviceChoice.AUTO && gpuUsable) ? "gpu" : "cpu";
    }
}
