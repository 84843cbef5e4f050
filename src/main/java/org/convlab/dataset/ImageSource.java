package org.convlab.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.convlab.dataset.ImageFolderImport.ImportRefused;
import org.convlab.i18n.Text;
import org.convlab.dataset.ImageFolderImport.Limits;

/**
 * Where an image folder's files come from: a zip (read from its central directory with Apache
 * Commons Compress, which, unlike {@code java.util.zip}'s stream, sees a symlink entry's Unix mode
 * and reads each entry where the directory says) or a folder on disk (walked without following
 * links). Either way, every name is a relative path with "/" between its parts, and checked here:
 * nothing a source lists can point outside it.
 */
sealed interface ImageSource extends Closeable {

    /** A file or folder of the source; {@code size} is what the source declares (-1 unknown). */
    record Entry(String path, boolean folder, long size, long packed, Object handle) {}

    /** Every entry, in a deterministic order (sorted by path). */
    List<Entry> entries();

    /** The entry's bytes; the caller bounds how many it reads (a header may lie). */
    InputStream open(Entry entry) throws IOException;

    /** Whether the entry's data can be read at all (not encrypted, a known compression). */
    boolean readable(Entry entry);

    Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    int MAX_NAME = 300;

    /** Refuses a name that could reach outside the source or cannot be shown. */
    static void checkName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new ImportRefused(Text.of("dataset.refused.entry-name", MAX_NAME));
        }
        if (name.indexOf('\\') >= 0 || name.startsWith("/") || DRIVE.matcher(name).matches()) {
            throw new ImportRefused(Text.of("dataset.refused.absolute-path", shown(name)));
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new ImportRefused(Text.of("dataset.refused.control-characters", shown(name)));
        }
        String[] parts = name.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean lastOfFolder = i == parts.length - 1 && name.endsWith("/");
            if (part.equals("..") || part.equals(".") || (part.isEmpty() && !lastOfFolder)) {
                throw new ImportRefused(Text.of("dataset.refused.dot-path", shown(name)));
            }
        }
    }

    /** A name from the upload, shown safely: printable and short. */
    static String shown(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }

    /** A zip, from its central directory. */
    final class Zip implements ImageSource {
        private final ZipFile zip;
        private final List<Entry> entries;

        Zip(Path file, Limits limits) {
            checkMagic(file);
            try {
                zip = ZipFile.builder().setPath(file).setUseUnicodeExtraFields(false).get();
            } catch (IOException | RuntimeException e) {
                throw new ImportRefused(Text.of("dataset.refused.zip-damaged"));
            }
            try {
                entries = list(limits);
            } catch (RuntimeException e) {
                closeQuietly();
                throw e;
            }
        }

        private static void checkMagic(Path file) {
            byte[] magic = new byte[4];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(magic, 0, 4);
            } catch (IOException e) {
                throw new ImportRefused(Text.of("dataset.refused.unreadable"));
            }
            if (n == 0) {
                throw new ImportRefused(Text.of("dataset.refused.empty-file"));
            }
            if (n < 4 || magic[0] != 'P' || magic[1] != 'K'
                    || !((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6))) {
                throw new ImportRefused(Text.of("dataset.refused.not-a-zip"));
            }
        }

        private List<Entry> list(Limits limits) {
            List<ZipArchiveEntry> all = Collections.list(zip.getEntriesInPhysicalOrder());
            // Folders and the odd hidden file come on top of the images; far more entries than that is no image folder.
            if (all.size() > 2L * limits.maxFiles() + 1000) {
                throw new ImportRefused(Text.of("dataset.refused.too-many-entries", (long) all.size(), (long) limits.maxFiles()));
            }
            Set<String> seen = new HashSet<>();
            List<Entry> out = new ArrayList<>();
            for (ZipArchiveEntry e : all) {
                String name = e.getName();
                // Commons Compress turns a DOS-made name's backslashes into slashes; the raw name still shows them.
                byte[] raw = e.getRawName();
                if (raw != null && new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\\') >= 0) {
                    throw new ImportRefused(Text.of("dataset.refused.backslash", shown(name)));
                }
                checkName(name);
                if (!seen.add(name)) {
                    throw new ImportRefused(Text.of("dataset.refused.twice", shown(name)));
                }
                if (e.isUnixSymlink()) {
                    throw new ImportRefused(Text.of("dataset.refused.zip-link", shown(name)));
                }
                boolean folder = e.isDirectory() || name.endsWith("/");
                String path = folder && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
                out.add(new Entry(path, folder, e.getSize(), e.getCompressedSize(), e));
            }
            out.sort(java.util.Comparator.comparing(Entry::path));
            return List.copyOf(out);
        }

        @Override
        public List<Entry> entries() {
            return entries;
        }

        @Override
        public boolean readable(Entry entry) {
            return zip.canReadEntryData((ZipArchiveEntry) entry.handle());
        }

        @Override
        public InputStream open(Entry entry) throws IOException {
            return zip.getInputStream((ZipArchiveEntry) entry.handle());
        }

        private void closeQuietly() {
            try {
                zip.close();
            } catch (IOException ignored) {
                // nothing was written through it
            }
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /** A folder on disk, walked without following links (a link inside is refused, not read). */
    final class Folder implements ImageSource {
        private final Path root;
        private final List<Entry> entries;

        Folder(Path dir, Limits limits) {
            if (!Files.isDirectory(dir)) {
                throw new ImportRefused(Text.of("dataset.refused.no-folder"));
            }
            try {
                // The folder the user named may itself be reached through a link; nothing inside may.
                root = dir.toRealPath();
                entries = walk(limits);
            } catch (IOException e) {
                throw new ImportRefused(Text.of("dataset.refused.folder-unreadable", e.getClass().getSimpleName()));
            }
        }

        private List<Entry> walk(Limits limits) throws IOException {
            List<Entry> out = new ArrayList<>();
            long cap = 2L * limits.maxFiles() + 1000;
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (!d.equals(root)) {
                        add(d, attrs, true);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink()) {
                        throw new ImportRefused(Text.of("dataset.refused.folder-link", shown(relative(f))));
                    }
                    if (!attrs.isRegularFile()) {
                        throw new ImportRefused(Text.of("dataset.refused.not-plain", shown(relative(f))));
                    }
                    add(f, attrs, false);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    throw new ImportRefused(Text.of("dataset.refused.file-unreadable", shown(relative(f))));
                }

                private void add(Path p, BasicFileAttributes attrs, boolean folder) {
                    if (out.size() >= cap) {
                        throw new ImportRefused(Text.of("dataset.refused.folder-too-many", (long) cap, (long) limits.maxFiles()));
                    }
                    String path = relative(p);
                    checkName(path);
                    out.add(new Entry(path, folder, folder ? 0 : attrs.size(), -1, p));
                }
            });
            out.sort(java.util.Comparator.comparing(Entry::path));
            return List.copyOf(out);
        }

        private String relative(Path p) {
            List<String> parts = new ArrayList<>();
            for (Path part : root.relativize(p)) {
                parts.add(part.toString());
            }
            return String.join("/", parts);
        }

        @Override
        public List<Entry> entries() {
            return entries;
        }

        @Override
        public boolean readable(Entry entry) {
            return true;
        }

        @Override
        public InputStream open(Entry entry) throws IOException {
            Path p = (Path) entry.handle();
            // Checked again at reading time: a file swapped for a link after the walk is not followed.
            if (Files.isSymbolicLink(p) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new ImportRefused(Text.of("dataset.refused.changed", shown(entry.path())));
            }
            return Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        public void close() {
            // nothing held open
        }
    }
}
