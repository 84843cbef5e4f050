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
            mixinStandardHelpOptions = true)
    static final class Xo implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--json", descriptionKey = "cli.help.option.lesson.xo.json")
        private boolean json;

        @Option(
                names = "--image",
                defaultValue = "x",
                paramLabel = "ID",
                descriptionKey = "cli.help.option.lesson.xo.image")
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
