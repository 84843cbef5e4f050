package org.convlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.convlab.lesson.xo.Rendition;
import org.convlab.lesson.xo.XoExample;
import org.convlab.lesson.xo.XoRenditions;
import org.convlab.lesson.xo.XoRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convlab lesson ...}: the lesson engine's worked examples, computed and printed. */
@Command(
        name = "lesson",
        mixinStandardHelpOptions = true,
        description = "Print a lesson's worked example, every intermediate value included.",
        subcommands = {LessonCommand.Xo.class})
public final class LessonCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "xo",
            mixinStandardHelpOptions = true,
            description = {
                "Run the X/O network of the introduction and print every matrix.",
                "Three 3x3 filters (each sum divided by 9), ReLU, 2x2 max pooling twice,",
                "flattening to 12 values and the vote between X and O."
            })
    static final class Xo implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--json", description = "Print only the JSON document.")
        private boolean json;

        @Option(
                names = "--image",
                defaultValue = "x",
                paramLabel = "ID",
                description = "Which image to run: x, o, x-slanted, x-shifted, x-bold or o-shifted (default: ${DEFAULT-VALUE}).")
        private String image;

        @Override
        public Integer call() {
            Rendition rendition = XoRenditions.byId(image);
            XoRun run = XoExample.run(rendition.image());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, XoJson.of(rendition, run));
            } else {
                out.print(XoReport.of(rendition, run));
                out.flush();
            }
            return 0;
        }
    }
}
