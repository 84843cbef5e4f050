package org.convlab.lesson;

/**
 * How many zeros surround the input before the kernel slides over it. VALID adds none, SAME adds
 * what it takes for the output to have ceil(W/S) cells (as Keras and TensorFlow do), and an
 * explicit amount adds that many zeros on every side. A model spec's Keras setting ("valid" or
 * "same") is {@code model.Padding}; this is the arithmetic the lessons show.
 */
public sealed interface ZeroPadding {

    /** Zeros added before (top/left) and after (bottom/right) one axis of the input. */
    record Amount(int before, int after) {
        public boolean symmetric() {
            return before == after;
        }
    }

    /** No padding: the kernel stays inside the input. */
    record Valid() implements ZeroPadding {
        @Override
        public Amount amount(int inputSize, int effectiveKernel, int stride) {
            return new Amount(0, 0);
        }

        @Override
        public String toString() {
            return "VALID";
        }
    }

    /**
     * Keras/TensorFlow "same". When the needed total is odd the extra zero goes after (bottom/right),
     * so with an even kernel or a stride above 1 the padding can be uneven.
     */
    record Same() implements ZeroPadding {
        @Override
        public Amount amount(int inputSize, int effectiveKernel, int stride) {
            int output = Math.ceilDiv(inputSize, stride);
            int total = Math.max((output - 1) * stride + effectiveKernel - inputSize, 0);
            return new Amount(total / 2, total - total / 2);
        }

        @Override
        public String toString() {
            return "SAME";
        }
    }

    /** The same number of zeros on every side. */
    record Explicit(int size) implements ZeroPadding {
        public Explicit {
            if (size < 0) {
                throw new IllegalArgumentException("padding must be 0 or more, got " + size);
            }
        }

        @Override
        public Amount amount(int inputSize, int effectiveKernel, int stride) {
            return new Amount(size, size);
        }

        @Override
        public String toString() {
            return Integer.toString(size);
        }
    }

    Amount amount(int inputSize, int effectiveKernel, int stride);

    static ZeroPadding valid() {
        return new Valid();
    }

    static ZeroPadding same() {
        return new Same();
    }

    static ZeroPadding of(int size) {
        return new Explicit(size);
    }
}
