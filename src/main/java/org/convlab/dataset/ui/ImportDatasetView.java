package org.convlab.dataset.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convlab.account.AppUser;
import org.convlab.account.CurrentUser;
import org.convlab.dataset.library.DatasetCatalog;
import org.convlab.dataset.library.DatasetChoice;
import org.convlab.dataset.library.DatasetImports;
import org.convlab.base.ui.I18n;
import org.convlab.dataset.library.DatasetRefused;
import org.convlab.i18n.Translations;


/**
 * "Bring your own images": a zip with one folder per class (the form PyTorch's ImageFolder and
 * Keras' image_dataset_from_directory read) becomes a data set the learner, or a teacher's class,
 * can train on. The import runs on the server with a progress bar and Cancel; the page can be left
 * and opened again while it runs.
 */
@PermitAll
@Route("data/import")
final class ImportDatasetView extends Main implements HasDynamicTitle {

    /** The audience "myself": a set kept under the learner's own account, for no class. */
    static final long MYSELF = -1L;

    final TextField name = new TextField(t("dataset.import.name"));
    final RadioButtonGroup<Integer> size = new RadioButtonGroup<>(t("dataset.import.size"));
    final Checkbox colour = new Checkbox(t("dataset.import.colour"));
    final Select<Long> audience = new Select<>();
    final Upload upload;
    final Div status = new Div();
    final ProgressBar progress = new ProgressBar(0, 1);
    final Button cancel = new Button(t("dataset.import.cancel"));

    private final DatasetImports imports;
    private final AppUser owner;
    private final Map<Long, String> classes;
    /** What the form says, copied on every change: the upload arrives outside the page's lock. */
    private volatile DatasetImports.Request request;
    private DatasetImports.Import running;
    private Registration poll;

    ImportDatasetView(DatasetImports imports, DatasetCatalog catalog, CurrentUser current) {
        this.imports = imports;
        this.owner = current.require();
        this.classes = catalog.classesFor(owner);
        addClassNames("page", "import-dataset-view");
        add(new H1(t("dataset.import.heading")), new Paragraph(t("dataset.import.intro")));
        Pre example = new Pre(t("dataset.import.example"));
        example.addClassName("folder-example");
        example.getElement().setAttribute("role", "img");
        example.getElement().setAttribute("aria-label", t("dataset.import.example-label"));

        name.setRequired(true);
        name.setMaxLength(100);
        name.setHelperText(t("dataset.import.name-help"));
        size.setItems(28, 32);
        size.setItemLabelGenerator(n -> t(n == 28 ? "dataset.import.size-mnist" : "dataset.import.size-cifar", n));
        size.setValue(28);
        size.setHelperText(t("dataset.import.size-help"));
        colour.setTooltipText(t("dataset.import.colour-help"));
        List<Long> audiences = new ArrayList<>(List.of(MYSELF));
        audiences.addAll(classes.keySet());
        audience.setLabel(t("dataset.import.for"));
        audience.setItems(audiences);
        audience.setItemLabelGenerator(id -> id == MYSELF ? t("dataset.import.myself")
                : t("dataset.import.my-class", classes.get(id)));
        audience.setValue(MYSELF);
        audience.setVisible(!classes.isEmpty());
        audience.setHelperText(t("dataset.import.for-help"));
        name.addValueChangeListener(e -> snapshot());
        size.addValueChangeListener(e -> snapshot());
        colour.addValueChangeListener(e -> snapshot());
        audience.addValueChangeListener(e -> snapshot());
        snapshot();

        upload = new Upload(handler());
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, imports.maxUploadBytes()));
        upload.setAcceptedFileTypes("application/zip", ".zip");
        upload.setUploadButton(new Button(t("dataset.import.choose")));
        upload.setDropLabel(new Span(t("dataset.import.drop")));
        upload.setI18n(uploadWords());
        upload.addFileRejectedListener(e -> refused(e.getErrorMessage()));

        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", t("dataset.import.progress"));
        cancel.setVisible(false);
        cancel.addClickListener(e -> {
            if (running != null) {
                running.cancel();
                cancel.setEnabled(false);
                say(t("dataset.import.cancelling"));
            }
        });
        status.addClassName("import-status");
        status.getElement().setAttribute("aria-live", "polite");
        FormLayout form = new FormLayout(name, size, colour, audience);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("640px", 2));
        form.addClassName("import-form");
        add(example, new H2(t("dataset.import.your-set")), form, upload, progress, cancel, status,
                new Paragraph(new Anchor("data", t("dataset.import.back"))));
        imports.running(owner).ifPresent(this::follow);
    }

    private void snapshot() {
        Long chosen = audience.getValue();
        Long classId = chosen == null || chosen == MYSELF || !classes.containsKey(chosen) ? null : chosen;
        request = new DatasetImports.Request(name.getValue(), size.getValue() == null ? 28 : size.getValue(),
                colour.getValue(), classId);
    }

    private UploadHandler handler() {
        return event -> {
            UI ui = event.getUI();
            DatasetImports.Import started = null;
            String problem = null;
            try (InputStream in = event.getInputStream()) {
                started = imports.start(owner, in, request);
            } catch (DatasetRefused e) {
                problem = message(ui, e);
            } catch (java.io.IOException e) {
                problem = Translations.get(ui.getLocale(), "dataset.import.upload-broken");
            }
            DatasetImports.Import job = started;
            String line = problem;
            ui.access(() -> {
                upload.clearFileList();
                if (job != null) {
                    follow(job);
                } else {
                    refused(line);
                }
            });
        };
    }

    /** Shows an import's progress until it ends, then its data set or why there is none. */
    private void follow(DatasetImports.Import job) {
        running = job;
        progress.setVisible(true);
        progress.setIndeterminate(true);
        cancel.setVisible(true);
        cancel.setEnabled(true);
        upload.setVisible(false);
        status.removeClassName("problem");
        showProgress();
        getUI().ifPresent(this::pollWhileRunning);
        job.result().whenComplete((set, failure) -> getUI().ifPresent(ui -> ui.access(() -> finished(set, failure))));
    }

    private void showProgress() {
        if (running == null) {
            return;
        }
        if (running.result().isDone()) {
            // The import ended before this page could listen (it was opened again while it ran).
            DatasetChoice made = running.result().getNow(null);
            finished(made, made == null ? running.result().handle((set, failure) -> failure).join() : null);
            return;
        }
        if (!running.started()) {
            say(t("dataset.import.waiting"));
        } else if (running.total() == 0) {
            say(t("dataset.import.checking"));
        } else {
            progress.setIndeterminate(false);
            progress.setValue(running.done() / (double) running.total());
            say(t("dataset.import.importing", running.done(), running.total()));
        }
    }

    private void finished(DatasetChoice set, Throwable failure) {
        running = null;
        progress.setVisible(false);
        cancel.setVisible(false);
        upload.setVisible(true);
        stopPolling();
        if (set == null) {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException c ? c.getCause() : failure;
            refused(cause instanceof DatasetRefused ? I18n.message(cause) : t("dataset.import.failed"));
            return;
        }
        status.removeAll();
        status.removeClassName("problem");
        Div next = new Div(new Anchor("train?dataset=" + set.key(), t("dataset.data.train-on-it")),
                new Anchor("data?dataset=" + set.key(), t("dataset.import.look-at-it")));
        next.addClassName("next-steps");
        status.add(new Paragraph(t("dataset.import.imported", t(set.description()))), next);
    }

    private void refused(String line) {
        status.removeAll();
        status.addClassName("problem");
        // One sentence: "Not imported: the zip is …" (a line that starts a sentence of its own is joined on,
        // except in German, where a noun keeps its capital and a full sentence may follow a colon).
        boolean sentence = line.length() > 1 && Character.isUpperCase(line.charAt(0)) && Character.isLowerCase(line.charAt(1))
                && !I18n.locale().getLanguage().equals(Locale.GERMAN.getLanguage());
        status.add(new Paragraph(t("dataset.import.not-imported",
                sentence ? Character.toLowerCase(line.charAt(0)) + line.substring(1) : line)));
    }

    /** A refusal in the language of the page that uploaded, read outside the page's lock. */
    private static String message(UI ui, DatasetRefused refusal) {
        return refusal.text().in(ui.getLocale());
    }

    /** The upload's own words (buttons, drop hint, its errors) in the page's language. */
    private static UploadI18N uploadWords() {
        return new UploadI18N()
                .setDropFiles(new UploadI18N.DropFiles().setOne(t("dataset.import.upload.drop-one"))
                        .setMany(t("dataset.import.upload.drop-many")))
                .setAddFiles(new UploadI18N.AddFiles().setOne(t("dataset.import.upload.add-one"))
                        .setMany(t("dataset.import.upload.add-many")))
                .setError(new UploadI18N.Error().setTooManyFiles(t("dataset.import.upload.too-many"))
                        .setFileIsTooBig(t("dataset.import.upload.too-big"))
                        .setIncorrectFileType(t("dataset.import.upload.wrong-type")))
                .setFile(new UploadI18N.File().setRetry(t("dataset.import.upload.retry"))
                        .setStart(t("dataset.import.upload.start")).setRemove(t("dataset.import.upload.remove")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status().setConnecting(t("dataset.import.upload.connecting"))
                                .setStalled(t("dataset.import.upload.stalled"))
                                .setProcessing(t("dataset.import.upload.processing"))
                                .setHeld(t("dataset.import.upload.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(t("dataset.import.upload.remaining"))
                                .setUnknown(t("dataset.import.upload.remaining-unknown")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(t("dataset.import.upload.server-unavailable"))
                                .setUnexpectedServerError(t("dataset.import.upload.server-error"))
                                .setForbidden(t("dataset.import.upload.forbidden"))
                                .setFileTooLarge(t("dataset.import.upload.too-big"))));
    }

    @Override
    public String getPageTitle() {
        return t("dataset.import.title");
    }

    private void say(String line) {
        status.removeAll();
        status.add(new Paragraph(line));
    }

    private void pollWhileRunning(UI ui) {
        stopPolling();
        ui.setPollInterval(500);
        poll = ui.addPollListener(e -> showProgress());
    }

    private void stopPolling() {
        if (poll != null) {
            poll.remove();
            poll = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (running != null) {
            pollWhileRunning(event.getUI());
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling();
        super.onDetach(event);
    }
}
