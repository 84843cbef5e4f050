package org.convlab.dataset.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.convlab.account.AppUser;
import org.convlab.dataset.DatasetMetadata;
import org.convlab.dataset.ImageFolderImport;
import org.convlab.dataset.ImageImport;
import org.convlab.i18n.Text;
import org.convlab.i18n.Translations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A data set a learner draws (docs/decisions/022): two to ten classes they name, a few drawings of
 * each from the sketchpad, made into a 28×28 grayscale data set exactly as an uploaded image folder
 * is (trim, centre, light on dark), so it trains at once and its images look like Try it's.
 *
 * <p>The drawings go into a temporary image folder ConvLab owns ({@code .drawing-<random>/} under
 * the data sets folder), one folder per class, which {@link ImageFolderImport#fromFolder} turns into
 * the data set; that folder is deleted whatever happens. The class folders are numbered ({@code 00},
 * {@code 01}, …) rather than named after the classes, so any name a learner types ("?", "train",
 * ".hidden", a name no file system takes) is safe, and labels keep the learner's order; the names
 * are written into {@code dataset.json} afterwards.
 *
 * <p>Everything is checked again here whatever the page did: the page's state comes from the
 * browser, and each problem is one line in the learner's words.
 */
@Service
public class DrawnDatasets {

    private static final Logger log = LoggerFactory.getLogger(DrawnDatasets.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static final int MIN_CLASSES = 2;
    public static final int MAX_CLASSES = 10;
    public static final int MAX_CLASS_NAME = 40;
    /** With 5 drawings a class, a fifth held back for testing still leaves 1 test drawing and 4 to learn from. */
    public static final int MIN_PER_CLASS = 5;
    public static final int MAX_PER_CLASS = 200;
    public static final int MAX_IN_ALL = 1_000;
    /**
     * A 280×280 sketch is 5–20 KB as a PNG; anything this large was not drawn on the pad. It also
     * bounds what a page holds before the set is made: 1,000 drawings, at most 40 MB.
     */
    public static final int MAX_DRAWING_BYTES = 40 * 1024;
    public static final int SIZE = 28;
    /**
     * The importer's stratified split: per class this share, rounded, at least 1 and never all
     * (ImageFolderPlan); 5 drawings give 1 test drawing, 10 give 2, 20 give 4.
     */
    public static final double TEST_SHARE = ImageFolderImport.Options.DEFAULT_TEST_SHARE;
    private static final int MAX_NAME = 100;

    private final DatasetCatalog catalog;

    DrawnDatasets(DatasetCatalog catalog) {
        this.catalog = catalog;
    }

    /** One class as drawn: its name and its drawings as PNG bytes from the sketchpad. */
    public record DrawnClass(String name, List<byte[]> drawings) {
        public DrawnClass {
            drawings = drawings == null ? List.of() : List.copyOf(drawings);
        }
    }

    /**
     * What is wrong with these class names, one line per problem (empty when they are fine): too
     * few or too many, blank, too long, control characters, two the same but for capitals.
     */
    public static List<Text> nameProblems(List<String> names) {
        List<Text> problems = new ArrayList<>();
        if (names == null || names.size() < MIN_CLASSES) {
            problems.add(Text.of("dataset.drawn.too-few-classes", MIN_CLASSES));
            if (names == null) {
                return problems;
            }
        }
        if (names.size() > MAX_CLASSES) {
            problems.add(Text.of("dataset.drawn.too-many-classes", names.size(), MAX_CLASSES));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String raw = names.get(i);
            String name = raw == null ? "" : raw.strip();
            int which = i + 1;
            if (name.isEmpty()) {
                problems.add(Text.of("dataset.drawn.no-name", which));
            } else if (name.chars().anyMatch(Character::isISOControl)) {
                problems.add(Text.of("dataset.drawn.name-control", which));
            } else if (name.length() > MAX_CLASS_NAME) {
                problems.add(Text.of("dataset.drawn.name-too-long", which, String.valueOf(name.length()), MAX_CLASS_NAME));
            } else {
                Integer before = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
                if (before != null) {
                    problems.add(Text.of("dataset.drawn.same-name", before + 1, which, name));
                }
            }
        }
        return problems;
    }

    /**
     * One drawing as the 28×28 image the network will see (row by row, 0–255, light on dark), or a
     * {@link DatasetRefused} saying why it cannot be used (not a picture, damaged, empty).
     */
    public static byte[] prepare(byte[] png) {
        if (png == null || png.length == 0) {
            throw new DatasetRefused(Text.of("dataset.drawn.no-drawing"));
        }
        if (png.length > MAX_DRAWING_BYTES) {
            throw new DatasetRefused(Text.of("dataset.drawn.drawing-too-large", (long) (png.length >> 10)));
        }
        byte[] image;
        try {
            image = ImageImport.toDatasetImage(png, SIZE, false);
        } catch (ImageImport.RejectedImage e) {
            throw new DatasetRefused(e.text());
        }
        for (byte b : image) {
            if (b != 0) {
                return image;
            }
        }
        throw new DatasetRefused(Text.of("dataset.drawn.empty"));
    }

    /**
     * Makes {@code owner}'s data set from the drawings: checked, prepared as uploads are, split
     * (a fifth of each class for testing) and registered. A {@link DatasetRefused} with one line
     * when anything is wrong; then nothing is stored.
     */
    public DatasetChoice make(AppUser owner, String name, List<DrawnClass> classes) {
        return make(owner, name, classes, Locale.ENGLISH);
    }

    /**
     * As {@link #make(AppUser, String, List)}; a set left without a name is named after its classes
     * in {@code language}, the maker's ("Zeichnungen: X, O").
     */
    public DatasetChoice make(AppUser owner, String name, List<DrawnClass> classes, Locale language) {
        List<String> names = classes == null ? null : classes.stream().map(DrawnClass::name).toList();
        List<Text> problems = nameProblems(names);
        if (!problems.isEmpty()) {
            throw new DatasetRefused(problems.getFirst());
        }
        List<String> stripped = names.stream().map(String::strip).toList();
        String title = title(name, stripped, language);
        checkDrawings(classes, stripped);

        Path folder = catalog.newFolder(owner, title);
        Path root = catalog.library().importedRoot();
        Path drawings = root.resolve(".drawing-" + UUID.randomUUID().toString().substring(0, 12));
        try {
            write(drawings, classes);
            ImageFolderImport.fromFolder(drawings, folder, new ImageFolderImport.Options(title, SIZE, false,
                    ImageFolderImport.Options.DEFAULT_SEED, TEST_SHARE), ImageFolderImport.Limits.DEFAULT,
                    ImageFolderImport.Progress.NONE);
            nameClasses(folder, stripped);
        } catch (ImageFolderImport.ImportRefused e) {
            // Not expected after the checks above; the importer's line is still the learner's answer. The
            // importer kept nothing, and the folder may be one ConvLab did not write (the command line's).
            throw new DatasetRefused(e.text());
        } catch (IOException | RuntimeException e) {
            log.warn("Making a drawn data set for {} failed", owner.getUsername(), e);
            catalog.removeWritten(folder);
            throw new DatasetRefused(Text.of("dataset.library.not-stored"));
        } finally {
            catalog.removeWritten(drawings);
        }
        try {
            return catalog.register(owner, null, StoredDataset.Source.DRAWN, title, folder);
        } catch (DatasetRefused e) {
            throw e;
        } catch (RuntimeException e) {
            // register has removed the folder; the database's trouble stays in the log.
            log.warn("Registering a drawn data set for {} failed", owner.getUsername(), e);
            throw new DatasetRefused(Text.of("dataset.library.not-stored"));
        }
    }

    private static String title(String name, List<String> classNames, Locale language) {
        String title = name == null ? "" : name.strip();
        if (title.isEmpty()) {
            title = Translations.get(language, "dataset.drawn.default-name", String.join(", ", classNames));
            if (title.length() > MAX_NAME) {
                title = title.substring(0, MAX_NAME - 1) + "…";
            }
        }
        if (title.length() > MAX_NAME) {
            throw new DatasetRefused(Text.of("dataset.drawn.title-too-long", String.valueOf(title.length()), MAX_NAME));
        }
        if (title.chars().anyMatch(Character::isISOControl)) {
            throw new DatasetRefused(Text.of("dataset.drawn.title-control"));
        }
        return title;
    }

    private static void checkDrawings(List<DrawnClass> classes, List<String> names) {
        int total = 0;
        for (int c = 0; c < classes.size(); c++) {
            int count = classes.get(c).drawings().size();
            String name = names.get(c);
            if (count < MIN_PER_CLASS) {
                throw new DatasetRefused(Text.count("dataset.drawn.too-few-drawings", count, name, MIN_PER_CLASS));
            }
            if (count > MAX_PER_CLASS) {
                throw new DatasetRefused(Text.of("dataset.drawn.too-many-drawings", name, count, MAX_PER_CLASS));
            }
            total += count;
        }
        if (total > MAX_IN_ALL) {
            throw new DatasetRefused(Text.of("dataset.drawn.too-many-in-all", total, MAX_IN_ALL));
        }
        for (int c = 0; c < classes.size(); c++) {
            List<byte[]> drawings = classes.get(c).drawings();
            for (int i = 0; i < drawings.size(); i++) {
                try {
                    prepare(drawings.get(i));
                } catch (DatasetRefused e) {
                    throw new DatasetRefused(Text.of("dataset.drawn.unusable", names.get(c), i + 1, e.text()));
                }
            }
        }
    }

    /** The image folder: {@code 00/0001.png}, … one numbered folder per class, in the learner's order. */
    private static void write(Path drawings, List<DrawnClass> classes) throws IOException {
        Files.createDirectories(drawings.getParent());
        Files.createDirectory(drawings);  // fails rather than reuse anything that exists
        for (int c = 0; c < classes.size(); c++) {
            Path folder = Files.createDirectory(drawings.resolve(String.format(Locale.ROOT, "%02d", c)));
            List<byte[]> list = classes.get(c).drawings();
            for (int i = 0; i < list.size(); i++) {
                Files.write(folder.resolve(String.format(Locale.ROOT, "%04d.png", i + 1)), list.get(i));
            }
        }
    }

    /** Puts the learner's class names in place of the folder numbers (the label order is the same). */
    private static void nameClasses(Path folder, List<String> names) throws IOException {
        Path file = folder.resolve(DatasetMetadata.FILE_NAME);
        ObjectNode json = (ObjectNode) JSON.readTree(Files.readString(file));
        ArrayNode classes = json.putArray("classes");
        names.forEach(classes::add);
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }
}
