package org.convlab.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.convlab.dataset.DatasetMetadata;
import org.convlab.dataset.IdxReader;
import org.convlab.dataset.ImageFolderImport;
import org.convlab.dataset.ImageFolderImport.Limits;
import org.convlab.dataset.ImageFolderImport.Options;
import org.convlab.dataset.ImageFolderImport.Result;

/**
 * What importing an image folder zip costs (docs/decisions/022): images per second and peak heap.
 *
 * <p>Usage: {@code ImageFolderImportCost make ZIP [N] [DATA]}: writes the first N (10,000) Fashion-MNIST
 * test images of DATA (data/fashion-mnist) as gray PNGs, one folder per class, into ZIP.
 * {@code ImageFolderImportCost import ZIP SIZE gray|colour}: imports ZIP into a temporary folder
 * (deleted afterwards) and prints one JSON line: images, seconds, images/s, the heap's peak (the sum
 * of the heap pools' peaks, an upper bound: the collector uses what -Xmx gives it), -Xmx, and the
 * live heap after a full collection every 2,000 images (the full collections cost a little time).
 * Run it with a small -Xmx (bench/image-import.sh uses 64m) to show memory does not grow with the
 * number of images.
 */
public final class ImageFolderImportCost {

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("make")) {
            make(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 10_000,
                    Path.of(args.length > 3 ? args[3] : "data/fashion-mnist"));
        } else if (args.length == 4 && args[0].equals("import")) {
            importOnce(Path.of(args[1]), Integer.parseInt(args[2]), args[3].equals("colour"));
        } else {
            System.err.println("usage: ImageFolderImportCost make ZIP [N] [DATA] | import ZIP 28|32 gray|colour");
            System.exit(2);
        }
    }

    private static void make(Path zip, int n, Path data) throws Exception {
        IdxReader.IdxImages images = IdxReader.readImages(data.resolve("t10k-images-idx3-ubyte.gz"));
        byte[] labels = IdxReader.readLabels(data.resolve("t10k-labels-idx1-ubyte.gz"), 10);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < Math.min(n, images.count()); i++) {
                BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
                image.getRaster().setDataElements(0, 0, 28, 28,
                        java.util.Arrays.copyOfRange(images.pixels(), i * 784, (i + 1) * 784));
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                String label = DatasetMetadata.FASHION_MNIST_CLASSES.get(labels[i]).replace('/', '-');
                out.putNextEntry(new ZipEntry("fashion/" + label + "/" + String.format(Locale.ROOT, "%05d.png", i)));
                out.write(png.toByteArray());
                out.closeEntry();
            }
        }
        System.out.printf(Locale.ROOT, "{\"zip\":\"%s\",\"images\":%d,\"bytes\":%d}%n", zip.getFileName(),
                Math.min(n, images.count()), Files.size(zip));
    }

    private static void importOnce(Path zip, int size, boolean colour) throws Exception {
        Path parent = Files.createTempDirectory("import-bench");
        Path target = parent.resolve("set");
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        // Live heap (after a full GC) every 2,000 images: flat means memory does not grow with the images.
        java.util.List<Long> live = new java.util.ArrayList<>();
        ImageFolderImport.Progress sampler = new ImageFolderImport.Progress() {
            @Override
            public void update(int done, int total) {
                if (done % 2000 == 0) {
                    System.gc();
                    live.add(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 10);
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        long start = System.nanoTime();
        Result result = ImageFolderImport.fromZip(zip, target,
                new Options("bench", size, colour), Limits.DEFAULT, sampler);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        int images = result.trainCount() + result.testCount();
        long written;
        try (var files = Files.list(target)) {
            written = files.mapToLong(f -> f.toFile().length()).sum();
        }
        System.out.printf(Locale.ROOT, "{\"size\":%d,\"colour\":%b,\"images\":%d,\"classes\":%d,\"seconds\":%.2f,"
                + "\"imagesPerSecond\":%.0f,\"peakHeapMiB\":%.1f,\"maxHeapMiB\":%d,\"writtenKiB\":%d,"
                + "\"liveHeapKiBEvery2000\":%s}%n",
                size, colour, images, result.classes().size(), seconds, images / seconds, peak / 1048576.0,
                Runtime.getRuntime().maxMemory() >> 20, written >> 10, live);
        try (var walk = Files.walk(parent)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
