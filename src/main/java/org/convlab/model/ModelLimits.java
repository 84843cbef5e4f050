package org.convlab.model;

import java.util.function.Function;

/**
 * What this server accepts: a model or a run larger than these caps is refused before any memory is
 * spent or any native code runs. The web app reads them from its configuration; the CLI from system
 * properties ({@code convlab.limits.max-params}, {@code .max-layers}, {@code .max-epochs},
 * {@code .max-threads}, {@code .max-batch-size}, {@code .max-batch-memory-mb}).
 *
 * @param maxThreads PyTorch threads a run may ask for; more than the machine's cores only slows it,
 *     and tens of thousands of threads kill the process (default: the cores of this machine)
 * @param maxBatchSize images in one batch
 * @param maxBatchMemoryMb the memory one training step may need (estimated from the layer sizes and
 *     the batch size; see docs/decisions/012-security.md)
 */
public record ModelLimits(long maxParams, int maxLayers, int maxEpochs, int maxThreads, int maxBatchSize,
        long maxBatchMemoryMb) {

    public static final ModelLimits DEFAULT = new ModelLimits(5_000_000L, 40, 100,
            Runtime.getRuntime().availableProcessors(), 4096, 2048);

    /**
     * No server caps at all: for reading back runs that were checked when they were trained. The
     * validator's own bounds (no size that overflows the arithmetic) still apply.
     */
    public static final ModelLimits UNBOUNDED = new ModelLimits(Long.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);

    public ModelLimits {
        if (maxParams < 1 || maxLayers < 1 || maxEpochs < 1 || maxThreads < 1 || maxBatchSize < 1 || maxBatchMemoryMb < 1) {
            throw new IllegalArgumentException("model limits must be positive: " + maxParams + ", " + maxLayers + ", "
                    + maxEpochs + ", " + maxThreads + ", " + maxBatchSize + ", " + maxBatchMemoryMb);
        }
    }

    /** The model caps, with the default run caps. */
    public ModelLimits(long maxParams, int maxLayers, int maxEpochs) {
        this(maxParams, maxLayers, maxEpochs, DEFAULT.maxThreads, DEFAULT.maxBatchSize, DEFAULT.maxBatchMemoryMb);
    }

    /** Limits from a property lookup (system properties, Spring's Environment...), defaults for absent keys. */
    public static ModelLimits from(Function<String, String> lookup) {
        return new ModelLimits(
                parse(lookup, "convlab.limits.max-params", DEFAULT.maxParams),
                (int) parse(lookup, "convlab.limits.max-layers", DEFAULT.maxLayers),
                (int) parse(lookup, "convlab.limits.max-epochs", DEFAULT.maxEpochs),
                (int) parse(lookup, "convlab.limits.max-threads", DEFAULT.maxThreads),
                (int) parse(lookup, "convlab.limits.max-batch-size", DEFAULT.maxBatchSize),
                parse(lookup, "convlab.limits.max-batch-memory-mb", DEFAULT.maxBatchMemoryMb));
    }

    public static ModelLimits fromSystemProperties() {
        return from(System::getProperty);
    }

    private static long parse(Function<String, String> lookup, String key, long fallback) {
        String value = lookup.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim().replace("_", ""));
            if (parsed < 1 || parsed > Integer.MAX_VALUE && !key.endsWith("max-params") && !key.endsWith("-mb")) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number from 1 to " + Integer.MAX_VALUE
                    + ", not '" + value + "'");
        }
    }
}
