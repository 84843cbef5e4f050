package org.convlab.dataset.ui;

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
import com.vaadin.flow.router.PageTitle;
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
import org.convlab.dataset.library.DatasetRefused;

/**
 * "Bring your own images": a zip with one folder per class (the form PyTorch's ImageFolder and
 * Keras' image_dataset_from_directory read) becomes a data set the learner, or a teacher's class,
 * can train on. The import runs on the server with a progress bar and Cancel; the page can be left
 * and opened again while it runs.
 */
@PermitAll
@Route("data/import")
@PageTitle("Import a data set · ConvLab")
final class ImportDatasetView extends Main {

    static final String MYSELF = "Myself";

    final TextField name = new TextField("Name of the data set");
    final RadioButtonGroup<Integer> size = new RadioButtonGroup<>("Image size");
    final Checkbox colour = new Checkbox("Keep colour (3 channels: red, green, blue)");
    final Select<String> audience = new Select<>();
    final Upload upload;
    final Div status = new Div();
    final ProgressBar progress = new ProgressBar(0, 1);
    final Button cancel = new Button("Cancel import");

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
        add(new H1("Import a data set"), new Paragraph("Bring your own images: a .zip with one folder per class, "
                + "each holding that class's PNG or JPEG pictures, as PyTorch's ImageFolder and Keras' "
                + "image_dataset_from_directory expect. Folders named train/ and test/, each with the same class "
                + "folders, keep your own split; without them ConvLab holds back a fifth of each class for testing."));
        Pre example = new Pre("shapes.zip\n├── circle/     a.png  b.png  …\n├── square/     c.png  …\n└── triangle/   …");
        example.addClassName("folder-example");
        example.getElement().setAttribute("role", "img");
        example.getElement().setAttribute("aria-label", "Example: shapes.zip holding the folders circle, square and "
                + "triangle, each with its pictures");

        name.setRequired(true);
        name.setMaxLength(100);
        name.setHelperText("Shown wherever a data set is chosen.");
        size.setItems(28, 32);
        size.setItemLabelGenerator(n -> n + "×" + n + (n == 28 ? " (as MNIST)" : " (as CIFAR)"));
        size.setValue(28);
        size.setHelperText("Every image is scaled to fit and centred.");
        colour.setTooltipText("Without it, colour pictures become grayscale; with it, grayscale pictures are stored "
                + "as colour with red = green = blue.");
        List<String> audiences = new ArrayList<>(List.of(MYSELF));
        classes.values().forEach(c -> audiences.add("My class " + c));
        audience.setLabel("For");
        audience.setItems(audiences);
        audience.setValue(MYSELF);
        audience.setVisible(!classes.isEmpty());
        audience.setHelperText("A class's data set can be used by everyone in the class.");
        name.addValueChangeListener(e -> snapshot());
        size.addValueChangeListener(e -> snapshot());
        colour.addValueChangeListener(e -> snapshot());
        audience.addValueChangeListener(e -> snapshot());
        snapshot();

        upload = new Upload(handler());
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, imports.maxUploadBytes()));
        upload.setAcceptedFileTypes("application/zip", ".zip");
        upload.setUploadButton(new Button("Choose the .zip and import"));
        upload.setDropLabel(new Span("or drop it here"));
        upload.addFileRejectedListener(e -> refused(e.getErrorMessage()));

        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", "Import progress");
        cancel.setVisible(false);
        cancel.addClickListener(e -> {
            if (running != null) {
                running.cancel();
                cancel.setEnabled(false);
                say("Cancelling…");
            }
        });
        status.addClassName("import-status");
        status.getElement().setAttribute("aria-live", "polite");
        FormLayout form = new FormLayout(name, size, colour, audience);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("640px", 2));
        form.addClassName("import-form");
        add(example, new H2("Your data set"), form, upload, progress, cancel, status,
                new Paragraph(new Anchor("data", "← Back to the data sets")));
        imports.running(owner).ifPresent(this::follow);
    }

    private void snapshot() {
        Long classId = classes.entrySet().stream().filter(c -> ("My class " + c.getValue()).equals(audience.getValue()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
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
                problem = e.getMessage();
            } catch (java.io.IOException e) {
                problem = "The upload did not arrive whole; try again.";
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
            say("Waiting for another import on this server to finish…");
        } else if (running.total() == 0) {
            say("Checking the zip…");
        } else {
            progress.setIndeterminate(false);
            progress.setValue(running.done() / (double) running.total());
            say(String.format(Locale.ROOT, "Importing: %,d of %,d images", running.done(), running.total()));
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
            refused(cause instanceof DatasetRefused ? cause.getMessage() : "The import failed; try again.");
            return;
        }
        status.removeAll();
        status.removeClassName("problem");
        Div next = new Div(new Anchor("train?dataset=" + set.key(), "Train on it →"),
                new Anchor("data?dataset=" + set.key(), "Look at it on the Data page →"));
        next.addClassName("next-steps");
        status.add(new Paragraph("Imported: " + set.describe() + "."), next);
    }

    private void refused(String line) {
        status.removeAll();
        status.addClassName("problem");
        // One sentence: "Not imported: the zip is …" (a line that starts a sentence of its own is joined on).
        boolean sentence = line.length() > 1 && Character.isUpperCase(line.charAt(0)) && Character.isLowerCase(line.charAt(1));
        status.add(new Paragraph("Not imported: " + (sentence ? Character.toLowerCase(line.charAt(0)) + line.substring(1) : line)));
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
