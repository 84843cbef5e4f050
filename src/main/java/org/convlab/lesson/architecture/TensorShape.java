package org.convlab.lesson.architecture;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The shape of one sample as a layer sees it, e.g. 26×26×64 or 3200 (the batch size is left out). */
public record TensorShape(List<Integer> dims) {

    public TensorShape {
        dims = List.copyOf(dims);
        if (dims.isEmpty() || dims.stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("a shape needs one or more sizes of at least 1, got " + dims);
        }
    }

    public static TensorShape of(int... dims) {
        return new TensorShape(Arrays.stream(dims).boxed().toList());
    }

    /** Number of values: the product of the sizes. */
    public long size() {
        return dims.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
    }

    public int rank() {
        return dims.size();
    }

    public int height() {
        return imageDim(0);
    }

    public int width() {
        return imageDim(1);
    }

    public int channels() {
        return imageDim(2);
    }

    private int imageDim(int index) {
        if (rank() != 3) {
            throw new IllegalArgumentException("expected an image shape (height, width, channels), got " + this);
        }
        return dims.get(index);
    }

    /** As Keras prints it, with None for the batch: "(None, 26, 26, 64)". */
    public String keras() {
        return "(None, " + dims.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    /** "26×26×64". */
    @Override
    public String toString() {
        return dims.stream().map(String::valueOf).collect(Collectors.joining("×"));
    }
}
