package org.convlab.model.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convlab.base.ui.I18n;
import org.convlab.i18n.Text;
import org.convlab.model.DjlCode;
import org.convlab.model.InvalidModelException;
import org.convlab.model.Layer;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelSpecJson;
import org.convlab.model.ModelValidator;
import org.convlab.model.Presets;
import org.convlab.model.ValidatedModel;
import org.convlab.model.ValidatedModel.LayerInfo;

/**
 * Build a model layer by layer. After every edit the whole stack is validated again, so each
 * layer's output shape and parameter count, the total, and the layer that breaks the model (and
 * why) are always current. The draft lives in the browser session: leaving the page loses nothing.
 */
@AnonymousAllowed
@Route("train/model")
final class ModelBuilderView extends Main implements HasDynamicTitle {

    static final long MAX_IMPORT_BYTES = 64 * 1024;

    final ComboBox<String> preset = new ComboBox<>(t("model.builder.start-from"));
    /** The images the model takes: the shapes ConvLab's data sets have (the Train page fits it to the chosen set). */
    final Select<ModelSpec.InputShape> input = new Select<>();
    final IntegerField classes = new IntegerField(t("model.builder.classes"));
    final Div rows = new Div();
    final Span total = new Span();
    final UnorderedList problems = new UnorderedList();
    final Pre djlCode = new Pre();
    final Pre json = new Pre();
    final MenuBar addLayer = new MenuBar();

    private final List<Layer> layers = new ArrayList<>();
    private final List<LayerRow> layerRows = new ArrayList<>();
    private String name;

    ModelBuilderView() {
        addClassNames("page", "model-builder");
        add(new H1(t("model.builder.title")), new Paragraph(t("model.builder.intro")));
        input.setLabel(t("model.builder.input"));
        input.setItems(INPUTS);
        input.setItemLabelGenerator(ModelBuilderView::describe);
        input.setHelperText(t("model.builder.input-helper"));
        input.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                refresh();
            }
        });
        classes.setMin(2);
        classes.setStepButtonsVisible(true);
        classes.setWidth("8em");
        classes.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                refresh();
            }
        });

        preset.setItems(Presets.names());
        preset.setItemLabelGenerator(PresetDescriptions::label);
        preset.setPlaceholder(t("model.builder.empty-model"));
        preset.setClearButtonVisible(true);
        preset.setWidth("22em");
        preset.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                load(e.getValue() == null ? new ModelSpec("my-model", List.of()) : Presets.get(e.getValue()));
            }
        });

        addLayer.addThemeVariants(MenuBarVariant.LUMO_PRIMARY);
        SubMenu kinds = addLayer.addItem(VaadinIcon.PLUS.create()).getSubMenu();
        addLayer.getItems().getFirst().add(" " + t("model.builder.add-layer"));
        LayerDefaults.KINDS.forEach((kind, defaults) -> kinds.addItem(t(defaults.label()),
                e -> insert(layers.size(), defaults.create().get())));

        Div toolbar = new Div(preset, importButton(), exportLink());
        toolbar.addClassName("builder-toolbar");
        input.setWidth("22em");
        Div shape = new Div(input, classes);
        shape.addClassNames("builder-toolbar", "builder-input");
        rows.addClassName("layer-list");
        total.addClassName("model-total");
        problems.addClassName("model-problems");

        Details code = new Details(t("model.builder.djl-code"), djlCode);
        Details spec = new Details(t("model.builder.json"), json);
        djlCode.addClassName("code");
        json.addClassName("code");

        Anchor train = new Anchor("train", t("model.builder.train-this"));
        train.addClassName("train-this");
        add(toolbar, shape, new H2(t("model.builder.layers")), rows, addLayer, total, problems, train, code, spec);

        ModelSpec draft = ModelDraft.current().orElse(null);
        load(draft != null ? draft : Presets.get("keras-cnn"));
        if (draft == null) {
            preset.setValue("keras-cnn");
        }
    }

    /** The image shapes of ConvLab's data sets: MNIST's and CIFAR's sizes, grayscale or colour. */
    static final List<ModelSpec.InputShape> INPUTS = List.of(ModelSpec.FASHION_MNIST, new ModelSpec.InputShape(3, 32, 32),
            new ModelSpec.InputShape(1, 32, 32), new ModelSpec.InputShape(3, 28, 28));

    static String describe(ModelSpec.InputShape shape) {
        String size = shape.height() + "×" + shape.width();
        return switch (shape.channels() + "×" + size) {
            case "1×28×28" -> t("model.input.fashion-mnist");
            case "3×32×32" -> t("model.input.cifar");
            default -> t(shape.channels() == 3 ? "model.input.colour" : "model.input.grayscale", size);
        };
    }

    /** The model as it stands now. */
    ModelSpec spec() {
        Integer count = classes.getValue();
        return new ModelSpec(name, input.getValue(), count == null ? 10 : count, List.copyOf(layers));
    }

    void load(ModelSpec spec) {
        name = spec.name() == null ? "my-model" : spec.name();
        ModelSpec.InputShape shape = spec.inputOrDefault();
        if (!INPUTS.contains(shape)) {
            // A spec from a file may take another shape: offered as it is, so loading it changes nothing.
            List<ModelSpec.InputShape> offered = new ArrayList<>(INPUTS);
            offered.add(shape);
            input.setItems(offered);
        }
        input.setValue(shape);
        classes.setValue(spec.classesOrDefault());
        layers.clear();
        layers.addAll(spec.layers());
        rebuildRows();
    }

    private void insert(int position, Layer layer) {
        layers.add(position, layer);
        rebuildRows();
    }

    private void move(int from, int to) {
        if (to < 0 || to >= layers.size()) {
            return;
        }
        layers.add(to, layers.remove(from));
        rebuildRows();
    }

    private void rebuildRows() {
        rows.removeAll();
        layerRows.clear();
        for (int i = 0; i < layers.size(); i++) {
            int index = i;
            LayerRow row = new LayerRow(i, layers.get(i), changed -> {
                layers.set(index, changed);
                refresh();
            });
            row.up.setEnabled(i > 0);
            row.down.setEnabled(i < layers.size() - 1);
            row.up.addClickListener(e -> move(index, index - 1));
            row.down.addClickListener(e -> move(index, index + 1));
            row.remove.addClickListener(e -> {
                layers.remove(index);
                rebuildRows();
            });
            layerRows.add(row);
            rows.add(row);
        }
        refresh();
    }

    /** Validates the stack and shows shapes, counts, problems, code and JSON. */
    private void refresh() {
        ModelSpec spec = spec();
        ModelDraft.save(spec);
        List<LayerInfo> infos;
        List<Text> found;
        try {
            ValidatedModel model = ModelValidator.validate(spec);
            infos = model.layers();
            found = List.of();
            total.setText(t("model.builder.total", model.totalParams(), model.trainableParams(), model.output().units()));
            total.removeClassName("invalid");
        } catch (InvalidModelException e) {
            infos = e.validLayers();
            found = e.problemTexts();
            total.setText(t("model.builder.cannot-train"));
            total.addClassName("invalid");
        }
        Map<Integer, LayerInfo> byIndex = new HashMap<>();
        infos.forEach(info -> byIndex.put(info.index(), info));
        Map<Integer, String> problemByLayer = new HashMap<>();
        problems.removeAll();
        for (Text problem : found) {
            String shown = t(problem);
            Integer layer = layerOf(problem);
            if (layer != null) {
                problemByLayer.merge(layer, shown, (a, b) -> a + "; " + b);
            }
            problems.add(new ListItem(shown));
        }
        for (int i = 0; i < layerRows.size(); i++) {
            layerRows.get(i).show(byIndex.get(i + 1), problemByLayer.get(i + 1));
        }
        djlCode.setText(DjlCode.of(spec));
        json.setText(ModelSpecJson.write(spec));
    }

    /** The layer (1, 2, …) a problem names: the validator names it first, as "layer 3 (dense)". */
    static Integer layerOf(Text problem) {
        if (problem.key().equals("model.where.layer") || problem.key().equals("model.layer.empty")) {
            return problem.args().getFirst() instanceof Integer n ? n : null;
        }
        return !problem.args().isEmpty() && problem.args().getFirst() instanceof Text first ? layerOf(first) : null;
    }

    @Override
    public String getPageTitle() {
        return t("model.builder.page-title");
    }

    private Upload importButton() {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> importJson(bytes)))));
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFileSize((int) MAX_IMPORT_BYTES);
        upload.setDropAllowed(false);
        upload.setI18n(uploadWords());
        upload.setUploadButton(new Button(t("model.builder.import"), VaadinIcon.UPLOAD.create()));
        upload.addFileRejectedListener(e -> error(t("model.builder.import-rejected", e.getErrorMessage(),
                MAX_IMPORT_BYTES / 1024)));
        upload.addClassName("import-upload");
        return upload;
    }

    /** The upload's own words (its refusals and a file's status) in the page's language. */
    private static UploadI18N uploadWords() {
        UploadI18N words = new UploadI18N();
        words.setAddFiles(new UploadI18N.AddFiles().setOne(t("model.builder.import")).setMany(t("model.builder.import")));
        words.setDropFiles(new UploadI18N.DropFiles().setOne(t("model.upload.drop")).setMany(t("model.upload.drop")));
        words.setError(new UploadI18N.Error().setTooManyFiles(t("model.upload.too-many"))
                .setFileIsTooBig(t("model.upload.too-big")).setIncorrectFileType(t("model.upload.wrong-type")));
        words.setFile(new UploadI18N.File().setRetry(t("model.upload.retry")).setStart(t("model.upload.start"))
                .setRemove(t("model.upload.remove")));
        words.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(t("model.upload.connecting"))
                        .setStalled(t("model.upload.stalled")).setProcessing(t("model.upload.processing"))
                        .setHeld(t("model.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t("model.upload.remaining"))
                        .setUnknown(t("model.upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t("model.upload.server-unavailable"))
                        .setUnexpectedServerError(t("model.upload.server-error")).setForbidden(t("model.upload.forbidden"))
                        .setFileTooLarge(t("model.upload.too-big"))));
        return words;
    }

    /** Imports a spec; a file that is not a valid spec changes nothing and says why. */
    void importJson(byte[] bytes) {
        try {
            ModelSpec imported = ModelSpecJson.parse(new String(bytes, StandardCharsets.UTF_8));
            preset.clear();
            load(imported);
            Notification.show(I18n.count("model.builder.imported", imported.layers().size()), 3000,
                    Notification.Position.BOTTOM_START);
        } catch (InvalidModelException | IllegalArgumentException e) {
            error(t("model.builder.import-unreadable", I18n.message(e)));
        }
    }

    private Anchor exportLink() {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = ModelSpecJson.write(spec()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), name + ".json", "application/json", bytes.length);
        }), "");
        link.add(new Button(t("model.builder.export"), VaadinIcon.DOWNLOAD.create()));
        link.addClassName("export-link");
        return link;
    }

    private static void error(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
