package org.convlab.dataset;

import java.nio.file.Path;

/**
 * A data file ConvLab cannot use. The message is one line that names the file and the problem,
 * written for the person who has to fix it, so it can be shown as is in the CLI and in the app.
 */
public class DatasetException extends RuntimeException {

    public DatasetException(Path file, String problem) {
        super(file.getFileName() + ": " + problem + " (" + file.toAbsolutePath().normalize() + ")");
    }

    public DatasetException(String message) {
        super(message);
    }
}
