package org.convlab.training.ui;

import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A run folder as a zip (run.json and the weights), streamed straight to the browser. Unzipped, it
 * is a run folder again: {@code convlab evaluate --model FOLDER} reads it.
 */
final class RunArchive {

    private RunArchive() {}

    static DownloadHandler download(String id, Path dir) {
        return event -> {
            event.setFileName(id + ".zip");
            event.setContentType("application/zip");
            try (OutputStream out = event.getOutputStream()) {
                write(id, dir, out);
            }
        };
    }

    /** Every file of {@code dir}, under a top folder named {@code id}. */
    static void write(String id, Path dir, OutputStream out) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Path file : files) {
            zip.putNextEntry(new ZipEntry(id + "/" + dir.relativize(file).toString().replace('\\', '/')));
            Files.copy(file, zip);
            zip.closeEntry();
        }
        zip.finish();
    }
}
