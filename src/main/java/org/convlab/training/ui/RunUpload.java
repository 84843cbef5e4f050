package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.upload.UploadI18N;
import org.convlab.base.ui.I18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import org.convlab.training.engine.RunImport;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunUploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Upload a run (.zip)": a zip that a run's Download gave, here or on another ConvLab, becomes one
 * of the learner's runs. The zip is read while the request streams in, outside the page's lock;
 * the answer (a link to the new run, or one line saying why not) is shown afterwards.
 */
final class RunUpload extends Div {

    private static final Logger log = LoggerFactory.getLogger(RunUpload.class);

    final Upload upload;
    final Div result = new Div();

    RunUpload(RunUploads uploads, long ownerId) {
        addClassName("run-upload");
        upload = new Upload(handler(uploads, ownerId));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, uploads.caps().maxUploadBytes()));
        upload.setAcceptedFileTypes("application/zip", ".zip");
        upload.setUploadButton(new Button(t("training.upload.button")));
        upload.setDropLabel(new Span(t("training.upload.drop")));
        upload.setI18n(uploadWords());
        upload.addFileRejectedListener(e -> refused(e.getErrorMessage()));
        result.addClassName("run-upload-result");
        result.getElement().setAttribute("aria-live", "polite");
        Paragraph about = new Paragraph(t("training.upload.about"));
        about.addClassName("muted");
        add(about, upload, result);
    }

    private UploadHandler handler(RunUploads uploads, long ownerId) {
        return event -> {
            UI ui = event.getUI();
            RunJob job = null;
            String problem = null;
            try (InputStream in = event.getInputStream()) {
                job = uploads.upload(ownerId, in);
            } catch (RunImport.RefusedException e) {
                problem = I18n.t(e.text());
            } catch (RuntimeException | java.io.IOException e) {
                log.warn("An uploaded run could not be stored", e);
                problem = t("training.upload.not-stored");
            }
            RunJob stored = job;
            String line = problem;
            ui.access(() -> {
                if (stored != null) {
                    uploaded(stored);
                } else {
                    refused(line);
                }
            });
        };
    }

    private void uploaded(RunJob job) {
        result.removeAll();
        result.removeClassName("problem");
        result.add(new Span(t("training.upload.done") + " "),
                new RouterLink(job.getName(), RunView.class, new RouteParameters("id", job.getId())));
        upload.clearFileList();
    }

    private void refused(String line) {
        result.removeAll();
        result.addClassName("problem");
        result.add(new Span(t("training.upload.refused", line)));
        upload.clearFileList();
    }

    /** The upload's own words (its drop label, errors, file list) in the page's language. */
    private static UploadI18N uploadWords() {
        UploadI18N words = new UploadI18N();
        words.setAddFiles(new UploadI18N.AddFiles().setOne(t("training.upload.button")).setMany(t("training.upload.button")));
        words.setDropFiles(new UploadI18N.DropFiles().setOne(t("training.upload.drop")).setMany(t("training.upload.drop")));
        words.setError(new UploadI18N.Error().setTooManyFiles(t("training.upload.too-many"))
                .setFileIsTooBig(t("training.upload.too-big")).setIncorrectFileType(t("training.upload.not-zip")));
        return words;
    }
}
