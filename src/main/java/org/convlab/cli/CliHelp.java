package org.convlab.cli;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.convlab.i18n.Translations;

/**
 * The help texts ({@code --help}) in the process language, handed to picocli as its resource bundle.
 * The words live in the {@code cli} bundle: an option's under its {@code descriptionKey}
 * ({@code cli.help.option.train.lr}), a command's under {@code cli.help.command.} and its path
 * ({@code cli.help.command.data.import}, one line of help per line of text), and picocli's own
 * headings and standard options under the keys below. Help texts are format strings for picocli:
 * a percent sign is written {@code %%} and a line break {@code %n}.
 */
final class CliHelp extends ResourceBundle {

    private static final String COMMANDS = "cli.help.command.";
    private static final String OPTIONS = "cli.help.option.";
    private static final String ROOT = "convlab";

    /** picocli's keys for its own words, and ours for them. */
    private static final Map<String, String> PICOCLI = Map.of(
            "usage.synopsisHeading", "cli.help.heading.usage",
            "usage.commandListHeading", "cli.help.heading.commands",
            "mixinStandardHelpOptions.help", "cli.help.standard.help",
            "mixinStandardHelpOptions.version", "cli.help.standard.version",
            "helpCommand.help", "cli.help.standard.help-command-help",
            "helpCommand.command", "cli.help.standard.help-command-command");

    private final Map<String, String> texts = new LinkedHashMap<>();

    CliHelp(Locale locale) {
        ResourceBundle english = ResourceBundle.getBundle("i18n.cli", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        for (String key : Collections.list(english.getKeys())) {
            if (key.startsWith(OPTIONS)) {
                texts.put(key, Translations.get(locale, key));
            } else if (key.startsWith(COMMANDS)) {
                String path = key.substring(COMMANDS.length());
                String command = path.equals(ROOT) ? ROOT : ROOT + "." + path;
                String[] lines = Translations.get(locale, key).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    texts.put(command + ".usage.description." + i, lines[i]);
                }
            }
        }
        PICOCLI.forEach((theirs, ours) -> texts.put(theirs, Translations.get(locale, ours)));
        // The help command's own synopsis starts after a blank line, as picocli writes it.
        texts.put(ROOT + ".help.usage.synopsisHeading", "%n" + Translations.get(locale, "cli.help.heading.usage"));
    }

    @Override
    protected Object handleGetObject(String key) {
        return texts.get(key);
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(texts.keySet());
    }
}
