package org.convlab.classroom.grading;

/**
 * The rules a teacher can pick in the assignment editor, with what each needs: a number (a count,
 * a percentage, seconds), a choice (pooling kind, penalty kind) or nothing. {@link #create} turns
 * the editor's inputs into a rule, refusing impossible ones with the rule's own message.
 */
public enum RuleKind {
    MIN_CONV_LAYERS("At least N convolution layers", Input.WHOLE, 2),
    MAX_CONV_LAYERS("At most N convolution layers (0: a fully connected network)", Input.WHOLE, 0),
    MIN_POOLING_LAYERS("At least N pooling layers", Input.WHOLE, 2),
    POOLING_TYPE("Only one kind of pooling", Input.POOLING, 0),
    MAX_PARAMS("At most N parameters", Input.WHOLE, 150_000),
    REQUIRES_BATCH_NORM("Uses batch normalization", Input.NONE, 0),
    REQUIRES_DROPOUT("Uses dropout", Input.NONE, 0),
    REQUIRES_WEIGHT_PENALTY("Uses weight regularization (L1/L2)", Input.PENALTY, 0),
    REQUIRES_AUGMENTATION("Trained with data augmentation", Input.NONE, 0),
    MAX_DENSE_WIDTH("No hidden dense layer wider than N units", Input.WHOLE, 128),
    MIN_TEST_ACCURACY("Test accuracy of at least N %", Input.PERCENT, 90),
    MAX_EPOCHS("Trained for at most N epochs", Input.WHOLE, 10),
    MAX_TRAIN_SECONDS("Trained in at most N seconds", Input.DECIMAL, 300);

    /** What the editor asks for next to the rule. */
    public enum Input {
        NONE, WHOLE, PERCENT, DECIMAL, POOLING, PENALTY;

        public boolean numeric() {
            return this == WHOLE || this == PERCENT || this == DECIMAL;
        }
    }

    private final String label;
    private final Input input;
    private final double suggested;

    RuleKind(String label, Input input, double suggested) {
        this.label = label;
        this.input = input;
        this.suggested = suggested;
    }

    public String label() {
        return label;
    }

    public Input input() {
        return input;
    }

    /** The number the editor starts a new row with. */
    public double suggested() {
        return suggested;
    }

    /**
     * The rule from the editor's inputs: {@code number} for numeric kinds (a percentage for test
     * accuracy, e.g. 90), {@code pooling} or {@code penalty} for the kinds that choose.
     */
    public Rule create(Double number, Rule.Pooling pooling, Rule.Penalty penalty) {
        return switch (this) {
            case MIN_CONV_LAYERS -> new Rule.MinConvLayers(whole(number));
            case MAX_CONV_LAYERS -> new Rule.MaxConvLayers(whole(number));
            case MIN_POOLING_LAYERS -> new Rule.MinPoolingLayers(whole(number));
            case POOLING_TYPE -> new Rule.PoolingType(pooling);
            case MAX_PARAMS -> new Rule.MaxParams(wholeLong(number));
            case REQUIRES_BATCH_NORM -> new Rule.RequiresBatchNorm();
            case REQUIRES_DROPOUT -> new Rule.RequiresDropout();
            case REQUIRES_WEIGHT_PENALTY -> new Rule.RequiresWeightPenalty(penalty);
            case REQUIRES_AUGMENTATION -> new Rule.RequiresAugmentation();
            case MAX_DENSE_WIDTH -> new Rule.MaxDenseWidth(whole(number));
            case MIN_TEST_ACCURACY -> new Rule.MinTestAccuracy(percentage(number) / 100);
            case MAX_EPOCHS -> new Rule.MaxEpochs(whole(number));
            case MAX_TRAIN_SECONDS -> new Rule.MaxTrainSeconds(given(number));
        };
    }

    /** The kind of an existing rule, for editing it. */
    public static RuleKind of(Rule rule) {
        return switch (rule) {
            case Rule.MinConvLayers r -> MIN_CONV_LAYERS;
            case Rule.MaxConvLayers r -> MAX_CONV_LAYERS;
            case Rule.MinPoolingLayers r -> MIN_POOLING_LAYERS;
            case Rule.PoolingType r -> POOLING_TYPE;
            case Rule.MaxParams r -> MAX_PARAMS;
            case Rule.RequiresBatchNorm r -> REQUIRES_BATCH_NORM;
            case Rule.RequiresDropout r -> REQUIRES_DROPOUT;
            case Rule.RequiresWeightPenalty r -> REQUIRES_WEIGHT_PENALTY;
            case Rule.RequiresAugmentation r -> REQUIRES_AUGMENTATION;
            case Rule.MaxDenseWidth r -> MAX_DENSE_WIDTH;
            case Rule.MinTestAccuracy r -> MIN_TEST_ACCURACY;
            case Rule.MaxEpochs r -> MAX_EPOCHS;
            case Rule.MaxTrainSeconds r -> MAX_TRAIN_SECONDS;
        };
    }

    /** The number an existing rule shows in the editor (a percentage for test accuracy); null if none. */
    public static Double numberOf(Rule rule) {
        return switch (rule) {
            case Rule.MinConvLayers r -> (double) r.count();
            case Rule.MaxConvLayers r -> (double) r.count();
            case Rule.MinPoolingLayers r -> (double) r.count();
            case Rule.MaxParams r -> (double) r.count();
            case Rule.MaxDenseWidth r -> (double) r.units();
            // Rounded so that 0.88 shows as 88, not 88.00000000000001.
            case Rule.MinTestAccuracy r -> Math.round(r.accuracy() * 1_000_000) / 10_000.0;
            case Rule.MaxEpochs r -> (double) r.epochs();
            case Rule.MaxTrainSeconds r -> r.seconds();
            default -> null;
        };
    }

    private double given(Double number) {
        if (number == null || !Double.isFinite(number)) {
            throw new InvalidRuleException("\"" + label + "\" needs a number.");
        }
        return number;
    }

    /** A percentage; 0.9 is almost surely 90% typed as a fraction, and a 0.9% target means nothing. */
    private double percentage(Double number) {
        double n = given(number);
        if (n > 0 && n <= 1) {
            throw new InvalidRuleException("\"" + label + "\" takes a percentage: type 90 for 90%, not " + n + ".");
        }
        return n;
    }

    private int whole(Double number) {
        long n = wholeLong(number);
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
            throw new InvalidRuleException("\"" + label + "\": " + n + " is too large.");
        }
        return (int) n;
    }

    private long wholeLong(Double number) {
        double n = given(number);
        if (n != Math.rint(n)) {
            throw new InvalidRuleException("\"" + label + "\" needs a whole number, not " + n + ".");
        }
        return (long) n;
    }
}
