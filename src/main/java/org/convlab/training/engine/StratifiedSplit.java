package org.convlab.training.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Holds out a fraction of each class for validation (stratified, seeded), so every class keeps its
 * share, as deck 004 does with {@code stratify=y_train}. Same seed, same split.
 */
public final class StratifiedSplit {

    public record Split(ImageSet train, ImageSet validation) {}

    /** Positions in the data set: which images train and which are held out. */
    public record Indices(int[] train, int[] validation) {}

    private StratifiedSplit() {}

    public static Split split(ImageSet all, double fraction, long seed) {
        if (fraction <= 0) {
            return new Split(all, all.select(new int[0]));
        }
        Indices indices = indices(all.labels(), all.classes(), fraction, seed);
        return new Split(all.select(indices.train()), all.select(indices.validation()));
    }

    /**
     * The split of images with these labels; only the labels are needed, so the Train page can show
     * the split a run will use without touching a pixel.
     */
    public static Indices indices(int[] labels, int classes, double fraction, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (List<Integer> members : byClass) {
            Collections.shuffle(members, random);
            int held = (int) Math.round(members.size() * fraction);
            validation.addAll(members.subList(0, held));
            train.addAll(members.subList(held, members.size()));
        }
        // Mix the classes again so "the first N" (--limit) is a fair sample.
        Collections.shuffle(train, random);
        Collections.shuffle(validation, random);
        return new Indices(toArray(train), toArray(validation));
    }

    /**
     * What a plain random split with the same seed would hold out, for contrast: the same number of
     * images overall, drawn from the whole set, so some classes give more than their share.
     */
    public static Indices random(int[] labels, double fraction, long seed) {
        List<Integer> all = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            all.add(i);
        }
        Collections.shuffle(all, new Random(seed));
        int held = (int) Math.round(labels.length * fraction);
        return new Indices(toArray(all.subList(held, all.size())), toArray(all.subList(0, held)));
    }

    /** How many images of each class an index list holds. */
    public static int[] countPerClass(int[] labels, int[] indices, int classes) {
        int[] counts = new int[classes];
        for (int index : indices) {
            counts[labels[index]]++;
        }
        return counts;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
