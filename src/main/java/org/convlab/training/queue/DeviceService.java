package org.convlab.training.queue;

import java.util.List;
import java.util.Optional;
import org.convlab.i18n.Text;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.DjlRuntime;
import org.springframework.stereotype.Service;

/**
 * Which devices a learner can choose on this server. A GPU is offered only where libtorch sees one:
 * offering it elsewhere would only lead to a refused run.
 */
@Service
public class DeviceService {

    /** Why the choice has no gpu, in a learner's words. */
    public static final Text NO_GPU = Text.of("training.device.no-gpu");

    /** Asked once, on first use, so starting the app does not load the engine; GPUs do not come and go. */
    private volatile Boolean gpuUsable;

    public boolean gpuUsable() {
        Boolean known = gpuUsable;
        if (known == null) {
            known = countGpus() > 0;
            gpuUsable = known;
        }
        return known;
    }

    /** The devices a run can ask for here: auto first (the default), gpu only where one is usable. */
    public List<DeviceChoice> choices() {
        return gpuUsable() ? List.of(DeviceChoice.AUTO, DeviceChoice.CPU, DeviceChoice.GPU)
                : List.of(DeviceChoice.AUTO, DeviceChoice.CPU);
    }

    /** The one line saying why gpu is not offered, or empty where it is. */
    public Optional<Text> whyNoGpu() {
        return gpuUsable() ? Optional.empty() : Optional.of(NO_GPU);
    }

    /** An engine that cannot load sees no GPU either: the run's own start then says what is wrong. */
    private static int countGpus() {
        try {
            return DjlRuntime.gpuCount();
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }
}
