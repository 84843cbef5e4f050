package org.convlab.bench;

import java.util.Locale;
import org.convlab.model.ModelValidator;
import org.convlab.model.Presets;
import org.convlab.model.ValidatedModel;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.FilterExcitation;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.ImageSet;
import org.convlab.training.engine.ModelTrainer;
import org.convlab.training.engine.ProgressListener;
import org.convlab.training.engine.TrainedModel;
import org.convlab.training.engine.TestModels;
import org.convlab.training.engine.TrainingControl;

/**
 * What "the images that excite each filter most" costs: a preset trained briefly (one epoch on the
 * first TRAIN training images, so its filters are not random but it takes seconds), then {@link
 * FilterExcitation#strongestImages} over all 10,000 test images for each given conv layer, ROUNDS
 * times (the first includes PyTorch's warm-up). Prints one JSON line per round.
 *
 * <p>Usage: FilterExcitationCost PRESET|tiny-cnn LAYER[,LAYER...] [rounds] [train] [threads] (tiny-cnn: the
 * tests' {@link TestModels#tinyCnn})
 */
public final class FilterExcitationCost {

    public static void main(String[] args) {
        String preset = args.length > 0 ? args[0] : "best-cnn";
        String[] layers = (args.length > 1 ? args[1] : "1,4").split(",");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int trainImages = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        Integer threads = args.length > 4 ? Integer.valueOf(args[4]) : null;
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(1).withValidationSplit(0).withBatchSize(64)
                .withDevice(DeviceChoice.AUTO).withThreads(threads);
        ImageSet test = FashionMnistArrays.test();
        ValidatedModel spec = preset.equals("tiny-cnn") ? TestModels.tinyCnn() : ModelValidator.validate(Presets.get(preset));
        try (TrainedModel model = new ModelTrainer().train(spec, hp,
                FashionMnistArrays.train().first(trainImages), ProgressListener.NONE, new TrainingControl()).model()) {
            FilterExcitation excitation = new FilterExcitation(model);
            for (int round = 1; round <= rounds; round++) {
                for (String layer : layers) {
                    FilterExcitation.StrongestImages r = excitation.strongestImages(Integer.parseInt(layer.trim()), test,
                            FilterExcitation.MOST_PER_FILTER);
                    System.out.printf(Locale.ROOT, "{\"model\":\"%s\",\"device\":\"%s\",\"layer\":%d,\"measuredAt\":%d,\"filters\":%d,\"map\":\"%dx%d\","
                                    + "\"images\":%d,\"perFilter\":%d,\"round\":%d,\"seconds\":%.3f,\"imagesPerSecond\":%.0f}%n",
                            preset, model.device(), r.layer(), r.measuredAt(), r.filters(), r.mapHeight(), r.mapWidth(), r.imagesSearched(),
                            FilterExcitation.MOST_PER_FILTER, round, r.seconds(), r.imagesSearched() / r.seconds());
                }
            }
        }
    }
}
