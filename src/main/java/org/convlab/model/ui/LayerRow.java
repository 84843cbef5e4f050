package org.convlab.model.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.convlab.base.ui.I18n;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.Padding;
import org.convlab.model.ValidatedModel.LayerInfo;

/**
 * One layer in the builder: its settings as small fields, its output shape and parameter count,
 * buttons to move or remove it, and the problem that breaks it, if any. Every edit hands a new
 * layer record to {@code onChange}; the builder validates the whole stack again.
 */
final class LayerRow extends Div {

    final List<HasValue<?, ?>> fields = new ArrayList<>();
    final Button up = iconButton(VaadinIcon.ARROW_UP, t("model.row.move-up"));
    final Button down = iconButton(VaadinIcon.ARROW_DOWN, t("model.row.move-down"));
    final Button remove = iconButton(VaadinIcon.TRASH, t("model.row.remove"));
    final Span shape = new Span();
    final Span params = new Span();
    final Span problem = new Span();

    LayerRow(int index, Layer layer, Consumer<Layer> onChange) {
        addClassName("layer-row");
        getElement().setAttribute("data-kind", layer.kind());
        Span number = new Span(String.valueOf(index + 1));
        number.addClassName("layer-number");
        LayerDefaults.Kind kind = LayerDefaults.of(layer);
        Span title = new Span(t(kind.label()));
        title.addClassName("layer-kind");
        title.setTitle(t(kind.purpose()));
        Div settings = new Div();
        settings.addClassName("layer-settings");
        settings.add(editors(layer, onChange));
        shape.addClassName("layer-shape");
        params.addClassName("layer-params");
        problem.addClassName("layer-problem");
        problem.setVisible(false);
        Div actions = new Div(up, down, remove);
        actions.addClassName("layer-actions");
        Div main = new Div(number, title, settings, shape, params, actions);
        main.addClassName("layer-main");
        add(main, problem);
    }

    void show(LayerInfo info, String problemText) {
        shape.setText(info == null ? "→ ?" : "→ " + outputText(info));
        params.setText(info == null ? "" : I18n.count("model.row.params", info.params()));
        problem.setText(problemText == null ? "" : problemText);
        problem.setVisible(problemText != null);
        setClassName("layer-broken", problemText != null);
    }

    /** Height×width×channels like the lessons and Keras print it, or the vector length. */
    static String outputText(LayerInfo info) {
        var out = info.output();
        return out.flat() ? I18n.count("model.row.values", out.units()) : out.height() + "×" + out.width() + "×" + out.channels();
    }

    private Component[] editors(Layer layer, Consumer<Layer> onChange) {
        return switch (layer) {
            case Layer.Conv2d c -> {
                IntegerField filters = integer(t("model.field.filters"), c.filters());
                IntegerField kernel = integer(t("model.field.kernel"), c.kernel());
                IntegerField stride = integer(t("model.field.stride"), c.stride() == null ? 1 : c.stride());
                Select<Padding> padding = select(t("model.field.padding"), Padding.values(), c.padding() == null ? Padding.VALID : c.padding());
                Select<ActivationKind> activation = select(t("model.field.activation"), ActivationKind.values(),
                        c.activation() == null ? ActivationKind.LINEAR : c.activation());
                activation.setItemLabelGenerator(ActivationKind::label);
                NumberField l2 = decimal(t("model.field.l2"), c.l2());
                watch(() -> onChange.accept(new Layer.Conv2d(filters.getValue(), kernel.getValue(), stride.getValue(),
                        padding.getValue(), activation.getValue(), c.l1(), l2.getValue())),
                        filters, kernel, stride, padding, activation, l2);
                yield new Component[] {filters, kernel, stride, padding, activation, l2};
            }
            case Layer.MaxPool p -> {
                IntegerField pool = integer(t("model.field.window"), p.pool());
                IntegerField stride = integer(t("model.field.stride"), p.stride());
                stride.setPlaceholder(t("model.field.stride-placeholder"));
                Select<Padding> padding = poolPadding(p.padding());
                watch(() -> onChange.accept(new Layer.MaxPool(pool.getValue(), stride.getValue(), padding.getValue())),
                        pool, stride, padding);
                yield new Component[] {pool, stride, padding};
            }
            case Layer.AvgPool p -> {
                IntegerField pool = integer(t("model.field.window"), p.pool());
                IntegerField stride = integer(t("model.field.stride"), p.stride());
                stride.setPlaceholder(t("model.field.stride-placeholder"));
                Select<Padding> padding = poolPadding(p.padding());
                watch(() -> onChange.accept(new Layer.AvgPool(pool.getValue(), stride.getValue(), padding.getValue())),
                        pool, stride, padding);
                yield new Component[] {pool, stride, padding};
            }
            case Layer.Dropout d -> {
                NumberField rate = decimal(t("model.field.rate"), d.rate());
                rate.setStep(0.05);
                watch(() -> onChange.accept(new Layer.Dropout(rate.getValue())), rate);
                yield new Component[] {rate};
            }
            case Layer.Dense d -> {
                IntegerField units = integer(t("model.field.units"), d.units());
                Select<ActivationKind> activation = select(t("model.field.activation"), ActivationKind.values(),
                        d.activation() == null ? ActivationKind.LINEAR : d.activation());
                activation.setItemLabelGenerator(ActivationKind::label);
                NumberField l2 = decimal(t("model.field.l2"), d.l2());
                watch(() -> onChange.accept(new Layer.Dense(units.getValue(), activation.getValue(), d.l1(), l2.getValue())),
                        units, activation, l2);
                yield new Component[] {units, activation, l2};
            }
            case Layer.ActivationLayer a -> {
                Select<ActivationKind> activation = select(t("model.field.function"), ActivationKind.values(), a.activation());
                activation.setItemLabelGenerator(ActivationKind::label);
                watch(() -> onChange.accept(new Layer.ActivationLayer(activation.getValue())), activation);
                yield new Component[] {activation};
            }
            case Layer.BatchNorm b -> new Component[0];
            case Layer.Flatten f -> new Component[0];
        };
    }

    private void watch(Runnable rebuild, AbstractField<?, ?>... watched) {
        for (AbstractField<?, ?> field : watched) {
            fields.add(field);
            field.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    rebuild.run();
                }
            });
        }
    }

    private static IntegerField integer(String label, Integer value) {
        IntegerField field = new IntegerField(label);
        field.setValue(value);
        field.addClassName("layer-field");
        return field;
    }

    private static NumberField decimal(String label, Double value) {
        NumberField field = new NumberField(label);
        field.setValue(value);
        field.addClassName("layer-field");
        return field;
    }

    /** "valid" drops a window that would hang over the edge; "same" keeps it (stride = window only). */
    private static Select<Padding> poolPadding(Padding value) {
        Select<Padding> padding = select(t("model.field.padding"), Padding.values(), value == null ? Padding.VALID : value);
        padding.setHelperText(t("model.field.padding-helper"));
        return padding;
    }

    private static <T> Select<T> select(String label, T[] items, T value) {
        Select<T> select = new Select<>();
        select.setLabel(label);
        select.setItems(items);
        select.setValue(value);
        select.addClassName("layer-field");
        return select;
    }

    private static Button iconButton(VaadinIcon icon, String label) {
        Button button = new Button(icon.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }
}
