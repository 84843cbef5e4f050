package org.convlab.dataset;

import org.convlab.i18n.Text;

/**
 * How much one IDX file may claim, checked against its header before anything is read, so a
 * damaged or hostile file is refused in one line instead of exhausting the server's memory.
 * The defaults leave room for data sets ten times Fashion-MNIST's size (60,000 images of 28×28,
 * 47 MB): at most 1,000,000 images or labels per file, images of at most 64×64 pixels, and at most
 * 512 MiB of values per file; the byte limit can be raised with the system property
 * {@value #MAX_MIB_PROPERTY} or the environment variable CONVLAB_DATA_MAX_MIB.
 */
public record IdxLimits(int maxItems, int maxSide, long maxBytes) {

    public static final String MAX_MIB_PROPERTY = "convlab.data-max-mib";
    static final Text HOW_TO_RAISE = Text.of("dataset.file.how-to-raise", "-D" + MAX_MIB_PROPERTY + "=N",
            "CONVLAB_DATA_MAX_MIB=N");
    public static final int DEFAULT_MAX_MIB = 512;

    public static final IdxLimits DEFAULT = new IdxLimits(1_000_000, 64, (long) DEFAULT_MAX_MIB << 20);

    public IdxLimits {
        if (maxItems <= 0 || maxSide <= 0 || maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("limits must be positive and maxBytes below 2 GiB (one Java array)");
        }
    }

    /** "512 MiB", or the bytes when the limit is not a whole number of MiB. */
    Text describeMaxBytes() {
        return maxBytes % (1 << 20) == 0 ? Text.of("dataset.file.mib", String.valueOf(maxBytes >> 20))
                : Text.of("dataset.size.bytes", maxBytes);
    }

    /** The defaults, with the byte limit from the system property or environment when set. */
    public static IdxLimits configured() {
        String mib = System.getProperty(MAX_MIB_PROPERTY);
        if (mib == null || mib.isBlank()) {
            mib = System.getenv("CONVLAB_DATA_MAX_MIB");
        }
        if (mib == null || mib.isBlank()) {
            return DEFAULT;
        }
        long value;
        try {
            value = Long.parseLong(mib.strip());
        } catch (NumberFormatException e) {
            throw new DatasetException(Text.of("dataset.file.max-mib-not-a-number", MAX_MIB_PROPERTY, mib));
        }
        if (value < 1 || value > 2047) {
            throw new DatasetException(Text.of("dataset.file.max-mib-range", MAX_MIB_PROPERTY, String.valueOf(value)));
        }
        return new IdxLimits(DEFAULT.maxItems(), DEFAULT.maxSide(), value << 20);
    }
}
