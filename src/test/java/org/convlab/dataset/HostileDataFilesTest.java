package org.convlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broken or hostile data folder of {@link HostileData} is refused with a
 * {@link DatasetException} (never an Error such as OutOfMemoryError: the gzip bombs and the files
 * over 2 GiB would exhaust the heap if they were read whole) whose message is one line that names
 * the file, says what is wrong, and does not show where the server keeps it.
 */
class HostileDataFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.convlab.dataset.HostileData#cases")
    void isRefusedInOneLineNamingTheFile(HostileData.Case bad) throws IOException {
        Path folder = bad.prepare(dir);

        Throwable thrown = catchThrowable(() -> DatasetLoader.load(folder));

        assertThat(thrown).isInstanceOf(DatasetException.class);
        String message = thrown.getMessage();
        assertThat(message).doesNotContain("\n", "\r", dir.toString()).hasSizeLessThan(300).contains(bad.problem());
        assertThat(message).startsWith(bad.file() == null ? "data folder data " : bad.file() + ": ");
        assertThat(((DatasetException) thrown).detail()).contains(folder.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.convlab.dataset.HostileData#cases")
    void theServiceReportsTheSameLineOnEveryVisit(HostileData.Case bad) throws IOException {
        DatasetService service = new DatasetService(bad.prepare(dir));

        var first = service.problem();
        var second = service.problem();

        assertThat(first).get().asString().contains(bad.problem()).doesNotContain(dir.toString());
        assertThat(second).isEqualTo(first);
    }
}
