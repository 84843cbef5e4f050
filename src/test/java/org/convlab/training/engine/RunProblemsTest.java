package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** What a learner reads when a run or a model fails: one line, never "null", never a server path. */
class RunProblemsTest {

    @Test
    void aMissingMessageBecomesASentenceNotNull() {
        assertThat(RunProblems.describe(new NullPointerException()))
                .isEqualTo("the training engine stopped unexpectedly (NullPointerException); the details are in the server's log");
        assertThat(RunProblems.describe(new CompletionException(new IllegalStateException((String) null))))
                .doesNotContain("null").contains("IllegalStateException");
    }

    @Test
    void serverPathsKeepOnlyTheirLastPart() {
        assertThat(RunProblems.describe(new IllegalStateException(
                "the saved model in /root/convlab/runs/dense-1/model-0000.params cannot be loaded")))
                .isEqualTo("the saved model in model-0000.params cannot be loaded");
        assertThat(RunProblems.readable("cannot open /tmp/x/y (No such file)")).isEqualTo("cannot open y (No such file)");
        assertThat(RunProblems.readable("a ratio 1/2 stays")).isEqualTo("a ratio 1/2 stays");
    }

    @Test
    void nativeStackTracesAndLongMessagesAreCutToOneLine() {
        String engine = "The size of tensor a (3) must match the size of tensor b (4)\nException raised from infer_size_impl at "
                + "/pytorch/aten/src/ATen/ExpandUtils.cpp:31\nframe #0: c10::Error::Error";
        assertThat(RunProblems.describe(new RuntimeException(engine)))
                .isEqualTo("The size of tensor a (3) must match the size of tensor b (4)");
        assertThat(RunProblems.describe(new RuntimeException("x".repeat(2000)))).hasSize(300);
        assertThat(RunProblems.describe(new OutOfMemoryError("Java heap space")))
                .startsWith("the run needed more memory than the server has");
    }
}
