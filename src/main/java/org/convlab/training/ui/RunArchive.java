package org.convlab.training.ui;

import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStream;
import java.nio.file.Path;
import org.convlab.training.engine.RunStore;

/** A run folder as a zip, streamed straight to the browser (the same zip the API serves). */
final class RunArchive {

    private RunArchive() {}

    static DownloadHandler download(String id, Path dir) {
        return event -> {
            event.setFileName(id + ".zip");
            event.setContentType("application/zip");
            try (OutputStream out = event.getOutputStream()) {
                RunStore.writeZip(id, dir, out);
            }
        };
    }
}
