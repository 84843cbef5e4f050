package org.convlab.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a stack of maps out as one vector: map after map, each row by row. Keras orders channels
 * last instead (it interleaves the maps cell by cell); the X/O deck lists whole maps one after
 * another, and so does this.
 */
public final class Flatten {

    private Flatten() {}

    public static List<Double> apply(List<Matrix> maps) {
        return trace(maps).vector();
    }

    public static FlattenTrace trace(List<Matrix> maps) {
        if (maps.isEmpty()) {
            throw new IllegalArgumentException("there is nothing to flatten: no maps were given");
        }
        List<FlattenStep> steps = new ArrayList<>();
        for (int m = 0; m < maps.size(); m++) {
            Matrix map = maps.get(m);
            for (int r = 0; r < map.rows(); r++) {
                for (int c = 0; c < map.cols(); c++) {
                    steps.add(new FlattenStep(steps.size(), m, new Cell(r, c), map.get(r, c)));
                }
            }
        }
        return new FlattenTrace(maps, steps);
    }
}
