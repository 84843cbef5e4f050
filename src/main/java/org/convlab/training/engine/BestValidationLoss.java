package org.convlab.training.engine;

/**
 * The best validation loss seen so far, and the one rule for "better": lower by more than
 * {@link #MARGIN}, so that noise in the last digits does not count as progress. Early stopping and
 * the learning-rate plateau each keep one and so agree on which epochs improved.
 */
final class BestValidationLoss {

    static final double MARGIN = 1e-4;

    private double best = Double.POSITIVE_INFINITY;

    /** Records {@code loss} if it is better than the best so far; says whether it was. NaN never is. */
    boolean improvesOn(double loss) {
        if (loss < best - MARGIN) {
            best = loss;
            return true;
        }
        return false;
    }
}
