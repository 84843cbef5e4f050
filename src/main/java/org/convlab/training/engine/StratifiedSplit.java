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

    private StratifiedSplit() {}

    public static Split split(ImageSet all, double fraction, long seed) {
        if (fraction <= 0) {
            return new Split(all, all.select(new int[0]));
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < all.classes(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < all.size(); i++) {
            byClass.get(all.labels()[i]).add(i);
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
        return new Split(all.select(toArray(train)), all.select(toArray(validation)));
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
