package org.convlab.training.queue;

import org.convlab.dataset.DatasetLibrary;

/**
 * May this learner train on this data set? The queue asks before a run is stored; the data set
 * catalogue answers (their own, their class's, the built-in ones), so a key forged into a request
 * reaches nobody else's images. Without the catalogue (tests of the queue alone) only the built-in
 * sets may be used.
 */
@FunctionalInterface
public interface DatasetAccess {

    boolean mayUse(long ownerId, String datasetKey);

    DatasetAccess BUILT_IN_ONLY = (ownerId, key) -> DatasetLibrary.builtIn(key);
}
