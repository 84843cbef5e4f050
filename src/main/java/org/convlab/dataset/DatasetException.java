package org.convlab.dataset;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;

/**
 * A data file ConvLab cannot use. The message is one line that names the file (by its name within
 * the data folder, never the server's full path, since learners see it on the web pages) and the
 * problem, written for the person who has to fix it. {@link #detail()} adds where the file is, for
 * the log and for the command line, where the user gave the path.
 */
public class DatasetException extends TextException {

    private final transient Path file;

    /** A problem with one file: "name: problem". */
    public DatasetException(Path file, Text problem) {
        this(file, Text.of("dataset.file.problem", nameOf(file), problem), true);
    }

    /** A problem with the data set as a whole, not one file. */
    public DatasetException(Text message) {
        this(null, message, true);
    }

    private DatasetException(Path file, Text message, boolean unused) {
        super(message);
        this.file = file;
    }

    /** A problem about {@code place} (a file or the folder) whose message is written out in full. */
    public static DatasetException about(Path place, Text message) {
        return new DatasetException(place, message, true);
    }

    /** The file or folder the problem is about, as the program was told it. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The message and, when known, the path of the file: for the log and the command line. */
    public String detail() {
        return file == null ? getMessage() : getMessage() + " (" + file + ")";
    }

    /**
     * Why a file could not be read, in words and without the path: the JDK puts the full path in
     * most of its I/O messages, which would leak where the server keeps its files.
     */
    static Text readProblem(IOException e) {
        if (e instanceof NoSuchFileException) {
            return Text.of("dataset.file.not-found");
        }
        if (e instanceof AccessDeniedException) {
            return Text.of("dataset.file.permission-denied");
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return Text.of("dataset.file.cannot-read", fs.getReason());
        }
        return Text.of("dataset.file.cannot-read", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static String nameOf(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
