package org.convlab.training.engine;

import org.convlab.i18n.Text;
import java.util.Locale;

/** Where to train: the CPU, a GPU (fails clearly if none is usable), or a GPU when there is one. */
public enum DeviceChoice {
    CPU,
    GPU,
    AUTO;

    public static DeviceChoice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new RefusedArgument(Text.of("training.choice.unknown-device", text));
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
