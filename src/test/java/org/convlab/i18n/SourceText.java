package org.convlab.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The string literals of Java sources, found by a small tokenizer that skips comments and char literals. */
final class SourceText {

    /**
     * A string literal's text (simple escapes undone), the line it starts on, and up to 120 characters
     * of code before it (to tell a log line or a programmer's exception from a page's words).
     */
    record Literal(Path file, int line, String text, String before) {
        @Override
        public String toString() {
            return file + ":" + line + ": \"" + text + "\"";
        }
    }

    private SourceText() {}

    static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Literal> literals(Path file) {
        String src;
        try {
            src = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Literal> found = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(src, i, end);
                i = end;
            } else if (c == '"' && src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                found.add(new Literal(file, line, src.substring(i + 3, Math.max(i + 3, end - 3)).strip(), before(src, i)));
                line += count(src, i, end);
                i = end;
            } else if (c == '"') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (j < n && src.charAt(j) != '"') {
                    if (src.charAt(j) == '\\' && j + 1 < n) {
                        char e = src.charAt(j + 1);
                        text.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'u' ? '\u0000' : e);
                        j += e == 'u' ? 6 : 2;
                    } else {
                        text.append(src.charAt(j++));
                    }
                }
                found.add(new Literal(file, line, text.toString(), before(src, i)));
                i = j + 1;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != '\'') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    private static String before(String src, int at) {
        return src.substring(Math.max(0, at - 120), at);
    }

    private static int count(String src, int from, int to) {
        int lines = 0;
        for (int k = from; k < Math.min(to, src.length()); k++) {
            if (src.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
