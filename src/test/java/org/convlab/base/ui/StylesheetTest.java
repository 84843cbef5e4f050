package org.convlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/**
 * The app's stylesheet parses as flat rules. An unclosed block is not an error to a browser: with
 * CSS nesting, every rule after it silently becomes a descendant rule that matches nothing (this
 * once left half the pages unstyled after a merge).
 */
class StylesheetTest {

    @Test
    void everyBlockIsClosedAndNoRuleIsNestedByAccident() throws Exception {
        String css = Files.readString(Path.of("src/main/resources/META-INF/resources/styles.css"))
                .replaceAll("(?s)/\\*.*?\\*/", "");
        Deque<Integer> open = new ArrayDeque<>();
        String[] lines = css.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            // Only @media/@supports blocks may contain rules; a selector inside a plain rule is a slip.
            if (line.endsWith("{") && !open.isEmpty() && !line.startsWith(" ") && !line.startsWith("@")) {
                throw new AssertionError("line " + (i + 1) + " starts a rule inside the block opened at line " + open.peek());
            }
            for (char c : line.toCharArray()) {
                if (c == '{') {
                    open.push(i + 1);
                } else if (c == '}') {
                    assertThat(open).as("a '}' without its '{' at line " + (i + 1)).isNotEmpty();
                    open.pop();
                }
            }
        }
        assertThat(open).as("blocks opened at these lines are never closed").isEmpty();
    }
}
