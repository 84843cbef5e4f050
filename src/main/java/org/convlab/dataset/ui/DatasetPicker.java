package org.convlab.dataset.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Optional;
import org.convlab.dataset.DatasetLibrary;
import org.convlab.dataset.library.DatasetChoice;


/**
 * The one way a page lets a learner choose a data set (Data, Train, Experiments): the built-in sets,
 * then their own and their class's, each with what it holds under the choice.
 */
public final class DatasetPicker extends Select<DatasetChoice> {

    public DatasetPicker(List<DatasetChoice> choices) {
        setLabel(t("dataset.picker.label"));
        setItems(choices);
        setItemLabelGenerator(c -> c.builtIn() ? t(c.shownName()) : t("dataset.picker.item", c.name(), t(c.whoseText())));
        addValueChangeListener(e -> setHelperText(e.getValue() == null ? null : t(e.getValue().description())));
        choices.stream().filter(c -> c.key().equals(DatasetLibrary.DEFAULT_KEY)).findFirst()
                .or(() -> choices.stream().findFirst()).ifPresent(this::setValue);
        addClassName("dataset-picker");
    }

    /** Chooses the set with this key when it is among the choices; says whether it was. */
    public boolean choose(String key) {
        String wanted = key == null ? DatasetLibrary.DEFAULT_KEY : key;
        Optional<DatasetChoice> match = getListDataView().getItems().filter(c -> c.key().equals(wanted)).findFirst();
        match.ifPresent(this::setValue);
        return match.isPresent();
    }

    /** The key runs are given: null for the default set, as runs before data sets could be chosen. */
    public String key() {
        DatasetChoice chosen = getValue();
        return chosen == null || chosen.key().equals(DatasetLibrary.DEFAULT_KEY) ? null : chosen.key();
    }
}
