package org.convlab.training.ui;

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
        upload.setUploadButton(new Button("Upload a run (.zip)"));
        upload.setDropLabel(new Span("or drop one here"));
        upload.addFileRejectedListener(e -> refused(e.getErrorMessage()));
        result.addClassName("run-upload-result");
        result.getElement().setAttribute("aria-live", "polite");
        Paragraph about = new Paragraph("A run's Download gives a .zip; upload one (yours from another ConvLab, or a"
                + " classmate's) to open, explain, try and compare it here.");
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
                problem = e.getMessage();
            } catch (RuntimeException | java.io.IOException e) {
                log.warn("An uploaded run could not be stored", e);
                problem = "the run could not be stored on the server; try again later";
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
        result.add(new Span("Uploaded: "),
                new RouterLink(job.getName(), RunView.class, new RouteParameters("id", job.getId())));
        upload.clearFileList();
    }

    private void refused(String line) {
        result.removeAll();
        result.addClassName("problem");
        result.add(new Span("Not uploaded: " + line + "."));
        upload.clearFileList();
    }
}
