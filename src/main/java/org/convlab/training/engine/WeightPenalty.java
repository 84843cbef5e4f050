package org.convlab.training.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.convlab.model.Layer;
import org.convlab.model.ValidatedModel;

/**
 * Keras' kernel_regularizer: adds l1·Σ|W| + l2·ΣW² of the chosen layers' weights (not biases) to
 * the loss before the backward pass. DJL's optimizers only offer one global weight decay, so the
 * per-layer penalties of a spec are applied here.
 */
final class WeightPenalty {

    private record Term(Parameter weight, float l1, float l2) {}

    private final List<Term> terms;

    private WeightPenalty(List<Term> terms) {
        this.terms = terms;
    }

    static WeightPenalty of(ValidatedModel spec, Block network) {
        List<Term> terms = new ArrayList<>();
        List<Pair<String, Block>> children = network.getChildren().stream().toList();
        for (int i = 0; i < spec.layers().size(); i++) {
            Layer layer = spec.layers().get(i).layer();
            double l1 = 0;
            double l2 = 0;
            if (layer instanceof Layer.Conv2d c) {
                l1 = c.l1();
                l2 = c.l2();
            } else if (layer instanceof Layer.Dense d) {
                l1 = d.l1();
                l2 = d.l2();
            }
            if (l1 == 0 && l2 == 0) {
                continue;
            }
            for (Pair<String, Parameter> p : children.get(i).getValue().getParameters()) {
                if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                    terms.add(new Term(p.getValue(), (float) l1, (float) l2));
                }
            }
        }
        return new WeightPenalty(terms);
    }

    /**
     * The loss plus the penalties (the loss itself when there are none). Results of operations on a
     * parameter would belong to the model's manager and pile up batch after batch, so each one is
     * moved into the batch's scope (the loss's manager).
     */
    NDArray addTo(NDArray loss) {
        NDManager scope = loss.getManager();
        NDArray total = loss;
        for (Term t : terms) {
            NDArray w = t.weight().getArray();
            if (t.l1() > 0) {
                total = total.add(scoped(scoped(w.abs(), scope).sum(), scope).mul(t.l1()));
            }
            if (t.l2() > 0) {
                total = total.add(scoped(scoped(w.square(), scope).sum(), scope).mul(t.l2()));
            }
        }
        return total;
    }

    private static NDArray scoped(NDArray array, NDManager scope) {
        array.attach(scope);
        return array;
    }
}
