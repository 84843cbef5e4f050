package org.convlab.dataset.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.convlab.account.AppUser;
import org.convlab.dataset.ImageFolderImport;
import org.convlab.i18n.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Imports of image-folder zips off the request thread (docs/decisions/022): one at a time on the
 * server (decoding thousands of images takes the cores a moment; a second waits its turn and says
 * so), at most one per account, each with its progress and a Cancel that leaves nothing behind.
 *
 * <p>The upload is first copied to a file ConvLab owns (under the data sets folder, in
 * {@code .uploads/}), counting bytes so an upload over the cap is cut off, never stored whole; the
 * importer then reads it from disk with bounded memory, and the file is deleted whatever happens.
 */
@Service
public class DatasetImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DatasetImports.class);
    /** Imports that may wait behind the one running; more are refused, to be tried a little later. */
    private static final int WAITING = 8;

    private final DatasetCatalog catalog;
    private final ImageFolderImport.Limits limits;
    private final long maxUploadBytes;
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(WAITING), Thread.ofPlatform().name("dataset-import").daemon().factory());
    private final Map<Long, Import> running = new ConcurrentHashMap<>();
    /** Places for an import running or waiting; taken before an upload is copied, so a full queue costs no disk. */
    private final java.util.concurrent.Semaphore places = new java.util.concurrent.Semaphore(1 + WAITING);
    private final java.util.Set<Path> queuedZips = ConcurrentHashMap.newKeySet();

    DatasetImports(DatasetCatalog catalog,
            @Value("${convlab.datasets.max-upload-mb:100}") long maxUploadMb,
            @Value("${convlab.datasets.max-files:20000}") int maxFiles,
            @Value("${convlab.datasets.max-unpacked-mb:200}") long maxUnpackedMb,
            @Value("${convlab.datasets.max-classes:100}") int maxClasses) {
        this.catalog = catalog;
        this.maxUploadBytes = maxUploadMb << 20;
        ImageFolderImport.Limits standard = ImageFolderImport.Limits.DEFAULT;
        this.limits = new ImageFolderImport.Limits(maxFiles, maxUnpackedMb << 20, standard.maxFileBytes(), maxClasses,
                standard.minPerClass(), standard.maxExpansionRatio(), standard.maxSide());
    }

    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    public ImageFolderImport.Limits limits() {
        return limits;
    }

    /** What the learner chose on the form: a name, 28 or 32 pixels, colour or not, for a class or themselves. */
    public record Request(String name, int size, boolean colour, Long classId) {}

    /** One import under way: its progress, Cancel, and the data set it made. */
    public static final class Import {
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger total = new AtomicInteger();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean started = new AtomicBoolean();
        private final CompletableFuture<DatasetChoice> result = new CompletableFuture<>();

        /** Images read so far and in all (0 of 0 before the zip's listing is checked). */
        public int done() {
            return done.get();
        }

        public int total() {
            return total.get();
        }

        /** False while it waits for another import to finish. */
        public boolean started() {
            return started.get();
        }

        /** Stops at the next image; nothing of this import is kept. */
        public void cancel() {
            cancelled.set(true);
        }

        /**
         * The new data set, or a {@link DatasetRefused} whose message says in one line why there is
         * none (refused, cancelled, or the server's own trouble).
         */
        public CompletableFuture<DatasetChoice> result() {
            return result;
        }

        ImageFolderImport.Progress progress() {
            return new ImageFolderImport.Progress() {
                @Override
                public void update(int d, int t) {
                    done.set(d);
                    total.set(t);
                }

                @Override
                public boolean cancelled() {
                    return cancelled.get();
                }
            };
        }
    }

    /** The account's import under way, if any (a page opened again finds it). */
    public Optional<Import> running(AppUser owner) {
        return Optional.ofNullable(running.get(owner.getId()));
    }

    /**
     * Copies the upload to a file ConvLab owns and queues its import. Refused at once (a {@link
     * DatasetRefused}) when the account has an import under way or keeps as many sets as allowed,
     * when the class is not one it teaches, when the upload is over the cap, or when the server is
     * busy with other imports.
     */
    public Import start(AppUser owner, InputStream upload, Request request) {
        // Everything that can be said before the upload is copied is said first.
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw new DatasetRefused(Text.of("dataset.library.no-name"));
        }
        if (name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new DatasetRefused(Text.of("dataset.library.bad-name"));
        }
        if (request.classId() != null && !catalog.teaches(owner, request.classId())) {
            throw new DatasetRefused(Text.of("dataset.library.not-your-class"));
        }
        Import job = new Import();
        if (running.putIfAbsent(owner.getId(), job) != null) {
            throw new DatasetRefused(Text.of("dataset.library.still-running"));
        }
        if (!places.tryAcquire()) {
            running.remove(owner.getId(), job);
            throw new DatasetRefused(Text.of("dataset.library.busy"));
        }
        Path zip = null;
        try {
            Path folder = catalog.newFolder(owner, name);
            zip = copy(upload);
            Path stored = zip;
            queuedZips.add(stored);
            worker.execute(() -> run(owner, new Request(name, request.size(), request.colour(), request.classId()),
                    stored, folder, job));
            return job;
        } catch (RejectedExecutionException e) {
            release(owner, job, zip);
            throw new DatasetRefused(Text.of("dataset.library.busy"));
        } catch (RuntimeException e) {
            release(owner, job, zip);
            throw e;
        }
    }

    private void release(AppUser owner, Import job, Path zip) {
        delete(zip);
        if (zip != null) {
            queuedZips.remove(zip);
        }
        running.remove(owner.getId(), job);
        places.release();
    }

    /** Imports, then cleans up, and only then tells whoever waits: once they hear, nothing is left over. */
    private void run(AppUser owner, Request request, Path zip, Path folder, Import job) {
        job.started.set(true);
        DatasetChoice made = null;
        RuntimeException refused = null;
        try {
            ImageFolderImport.fromZip(zip, folder, new ImageFolderImport.Options(request.name(), request.size(),
                    request.colour()), limits, job.progress());
            made = catalog.register(owner, request.classId(), StoredDataset.Source.IMPORT, request.name().strip(), folder);
        } catch (ImageFolderImport.ImportRefused e) {
            refused = new DatasetRefused(e.text());
        } catch (ImageFolderImport.ImportCancelled e) {
            refused = new DatasetRefused(Text.of("dataset.library.import-cancelled"));
        } catch (DatasetRefused e) {
            refused = e;
        } catch (IOException | RuntimeException e) {
            log.warn("Importing a data set for {} failed", owner.getUsername(), e);
            catalog.removeWritten(folder);
            refused = new DatasetRefused(Text.of("dataset.library.not-stored"));
        } catch (Error e) {
            // Out of memory, say: the learner still hears, and the half-made folder goes.
            log.warn("Importing a data set for {} failed", owner.getUsername(), e);
            catalog.removeWritten(folder);
            refused = new DatasetRefused(Text.of("dataset.library.not-imported"));
        } finally {
            release(owner, job, zip);
        }
        if (made != null) {
            job.result.complete(made);
        } else {
            job.result.completeExceptionally(refused);
        }
    }

    /** The upload, copied to {@code .uploads/} under the data sets folder and cut off past the cap. */
    private Path copy(InputStream upload) {
        Path file = null;
        try {
            Path uploads = Files.createDirectories(catalog.library().importedRoot().resolve(".uploads"));
            file = uploads.resolve(UUID.randomUUID() + ".zip");
            long copied = 0;
            byte[] buffer = new byte[1 << 16];
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int n; (n = upload.read(buffer)) > 0; ) {
                    copied += n;
                    if (copied > maxUploadBytes) {
                        throw new DatasetRefused(Text.of("dataset.library.zip-too-large", maxUploadBytes >> 20));
                    }
                    out.write(buffer, 0, n);
                }
            }
            return file;
        } catch (IOException e) {
            delete(file);
            log.warn("Could not keep an uploaded data set zip", e);
            throw new DatasetRefused(Text.of("dataset.import.upload-broken"));
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the uploaded zip {}: {}", file, e.getMessage());
        }
    }

    /**
     * What a stopped or crashed server left in the data sets folder: uploads not yet imported
     * ({@code .uploads/}), an import's or a drawing's temporary folder ({@code .importing-*},
     * {@code .drawing-*}). Only those names, and only when an hour old, so an import under way in
     * another process sharing the folder is never touched.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void sweepLeftovers() {
        Path root = catalog.library().importedRoot();
        if (root == null || !Files.isDirectory(root)) {
            return;
        }
        java.time.Instant hourAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
        try (var entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.equals(".uploads")) {
                    try (var uploads = Files.list(entry)) {
                        uploads.filter(f -> f.getFileName().toString().endsWith(".zip") && olderThan(f, hourAgo))
                                .forEach(DatasetImports::delete);
                    }
                } else if ((name.startsWith(".importing-") || name.startsWith(".drawing-")) && olderThan(entry, hourAgo)) {
                    catalog.removeWritten(entry);
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for leftovers in {}: {}", root, e.getMessage());
        }
    }

    private static boolean olderThan(Path path, java.time.Instant when) {
        try {
            return Files.getLastModifiedTime(path).toInstant().isBefore(when);
        } catch (IOException e) {
            return false;
        }
    }

    /** Imports still waiting when the server stops are dropped with their uploads. */
    @Override
    public void destroy() {
        worker.shutdownNow();
        queuedZips.forEach(DatasetImports::delete);
    }
}
