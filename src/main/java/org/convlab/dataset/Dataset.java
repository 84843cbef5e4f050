package org.convlab.dataset;

import java.util.List;

/** A loaded data set: its metadata and both splits, all images the same size. */
public record Dataset(DatasetMetadata metadata, LabeledImages train, LabeledImages test) {

    public LabeledImages split(Split split) {
        return split == Split.TRAIN ? train : test;
    }

    public List<String> classNames() {
        return metadata.classes();
    }

    public String className(int label) {
        return metadata.classes().get(label);
    }

    public String name() {
        return metadata.name();
    }
}
