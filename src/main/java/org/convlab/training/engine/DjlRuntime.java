package org.convlab.training.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * The one place that touches DJL's engine start-up. It makes DJL offline and private by default:
 * {@code ai.djl.offline=true} stops every download attempt and DJL's start-up telemetry call, and
 * must be set before the engine class loads. Users opt out with {@code DJL_OFFLINE=false} or
 * {@code -Dai.djl.offline=false} (needed once for the gpu build to fetch the CUDA libtorch).
 */
public final class DjlRuntime {

    private static volatile boolean configured;

    private DjlRuntime() {}

    /** Sets offline mode unless the user chose otherwise; idempotent, call before any DJL use. */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        if (System.getProperty("ai.djl.offline") == null) {
            String env = System.getenv("DJL_OFFLINE");
            boolean offline = env == null || !env.trim().equalsIgnoreCase("false");
            System.setProperty("ai.djl.offline", Boolean.toString(offline));
        }
        if (Boolean.parseBoolean(System.getProperty("ai.djl.offline"))) {
            // DJL reads this as an environment variable or a system property; belt and braces.
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
        passiveOpenMpThreads();
        steadyNativeMemory();
        configured = true;
    }

    /**
     * libtorch's OpenMP threads spin while they wait for work. On a small shared machine (2 cores,
     * a web server, other users) spinning threads fight over the cores: measured here, keras-cnn
     * dropped to 410-510 img/s under load with spinning and kept 620-920 img/s with passive waiting.
     * libgomp reads OMP_WAIT_POLICY once, when libtorch loads, so it is set in this process's own
     * environment (via libc's setenv) before that. A value set by the user wins.
     */
    private static void passiveOpenMpThreads() {
        if (System.getenv("OMP_WAIT_POLICY") != null) {
            return;
        }
        try {
            LibC.INSTANCE.setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
        } catch (Throwable e) {
            // Not Linux/glibc, or JNA unavailable: only a performance hint, never fatal.
        }
    }

    /** glibc's mallopt parameters (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    /** The largest mmap threshold glibc accepts on 64-bit (HEAP_MAX_SIZE / 2). */
    private static final int MMAP_THRESHOLD = 32 * 1024 * 1024;
    private static final int TRIM_THRESHOLD = 256 * 1024 * 1024;

    /**
     * libtorch allocates every tensor with malloc and frees it after the batch. glibc serves large
     * blocks (a batch's activations: megabytes) with mmap and returns them at once, so each batch
     * page-faults its memory in again, until glibc's threshold has crept up past the sizes in use;
     * then it trims the heap's free top back to the system, and faults it in again. A fixed 32 MB
     * threshold and a 256 MB trim threshold keep that memory in the process. Measured with the
     * quick recipe on 2 cores (bench/README.md, "where the time goes"): the first epoch 25–35%
     * faster, later epochs about 5%. Memory stays flat (bench/run.sh --memory). Set
     * {@code MALLOC_MMAP_THRESHOLD_} or {@code MALLOC_TRIM_THRESHOLD_} to choose yourself, or
     * {@code -Dconvlab.native-memory-tuning=false} for glibc's defaults.
     */
    private static void steadyNativeMemory() {
        if (System.getenv("MALLOC_MMAP_THRESHOLD_") != null || System.getenv("MALLOC_TRIM_THRESHOLD_") != null
                || !Boolean.parseBoolean(System.getProperty("convlab.native-memory-tuning", "true"))) {
            return;
        }
        try {
            LibC.INSTANCE.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD);
            LibC.INSTANCE.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD);
        } catch (Throwable e) {
            // Not glibc (musl, macOS, Windows) or JNA unavailable: only a performance hint, never fatal.
        }
    }

    private interface LibC extends com.sun.jna.Library {
        LibC INSTANCE = com.sun.jna.Native.load("c", LibC.class);

        int setenv(String name, String value, int overwrite);

        int mallopt(int param, int value);
    }

    public static boolean offline() {
        configure();
        return Boolean.parseBoolean(System.getProperty("ai.djl.offline"));
    }

    /** The PyTorch engine, loaded offline unless opted out. */
    public static Engine engine() {
        configure();
        try {
            return Engine.getEngine("PyTorch");
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the PyTorch engine: " + e.getMessage()
                    + (offline() ? " (DJL runs offline: with the gpu build, run once with DJL_OFFLINE=false"
                            + " or set PYTORCH_LIBRARY_PATH to an installed libtorch)" : ""), e);
        }
    }

    /**
     * The device to train on. Asking for a GPU that is not usable is an error, never a quiet fall
     * back to the CPU: the default build carries the CPU-only libtorch, which sees no GPU.
     */
    public static Device device(DeviceChoice choice) {
        Engine engine = engine();
        int gpus = engine.getGpuCount();
        return switch (choice) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IllegalStateException("a GPU was asked for (--device gpu) but none is usable: libtorch "
                            + engine.getVersion() + " sees no CUDA device. The default build ships the CPU-only"
                            + " libtorch; build with `./mvnw -Pgpu package` and run once online (DJL_OFFLINE=false)"
                            + " or set PYTORCH_LIBRARY_PATH to a CUDA libtorch 2.7.1. Use --device cpu or auto"
                            + " to train on the CPU.");
                }
                yield Device.gpu();
            }
        };
    }

    /** How many CUDA devices this libtorch can use (0 with the default CPU build). */
    public static int gpuCount() {
        return engine().getGpuCount();
    }

    /** How {@link #describe} ends when the engine may not download anything; pages write its word in their language. */
    public static final String OFFLINE_MARK = " · offline";

    /** "cpu" or "gpu(0)", with the engine version, for display (stored with a run as it is). */
    public static String describe(Device device) {
        return device.getDeviceType() + (device.isGpu() ? "(" + device.getDeviceId() + ")" : "")
                + " · PyTorch " + engine().getVersion() + (offline() ? OFFLINE_MARK : "");
    }
}
