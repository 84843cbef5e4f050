package org.convlab.lesson.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.account.TestAccounts;
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class ProgressServiceTest {

    @Autowired ProgressService progress;
    @Autowired AppUserRepository users;

    private static final List<String> LESSONS = List.of("matrices", "convolution", "relu");

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void theBestScoreIsKeptAttemptsAreCountedAndTheFirstPerfectScoreMarksTheLessonDone() throws InterruptedException {
        TestAccounts.as(users, "prog.ada", Role.LEARNER);
        progress.record("convolution", 3, 5);
        assertThat(progress.mine().get("convolution").isDone()).isFalse();
        progress.record("convolution", 5, 5);
        var firstDone = progress.mine().get("convolution").getFirstDoneAt();
        Thread.sleep(5);
        progress.record("convolution", 2, 5);

        LessonProgressRecord row = progress.mine().get("convolution");
        assertThat(row.getAttempts()).isEqualTo(3);
        assertThat(row.getBestCorrect()).isEqualTo(5);
        assertThat(row.isDone()).isTrue();
        assertThat(row.getFirstDoneAt()).isEqualTo(firstDone);
        assertThat(row.getLastAttemptAt()).isAfter(firstDone);
    }

    @Test
    void eachLearnerSeesOnlyTheirOwnProgress() {
        TestAccounts.as(users, "prog.bob", Role.LEARNER);
        progress.record("relu", 4, 4);
        TestAccounts.as(users, "prog.cy", Role.LEARNER);
        assertThat(progress.mine()).doesNotContainKey("relu");
        TestAccounts.signOut();
        assertThat(progress.signedIn()).isFalse();
        assertThat(progress.mine()).isEmpty();
    }

    @Test
    void guestProgressFromTheBrowserIsTakenOverKeepingTheBetterScore() {
        TestAccounts.as(users, "prog.dee", Role.LEARNER);
        progress.record("matrices", 4, 4);
        progress.record("relu", 1, 4);
        int imported = progress.importFromBrowser("""
                {"matrices": {"correct": 2, "total": 4},
                 "relu": {"correct": 3, "total": 4},
                 "convolution": {"correct": "many", "total": 4},
                 "no-such-lesson": {"correct": 1, "total": 1},
                 "pooling": {"correct": 9, "total": 4}}""", LESSONS);
        assertThat(imported).isEqualTo(2);
        assertThat(progress.mine().get("matrices").getBestCorrect()).isEqualTo(4);
        assertThat(progress.mine().get("relu").getBestCorrect()).isEqualTo(3);
        assertThat(progress.mine()).doesNotContainKeys("convolution", "no-such-lesson", "pooling");
        assertThat(progress.importFromBrowser("{not json", LESSONS)).isZero();
    }

    @Test
    void anImpossibleScoreIsRefused() {
        TestAccounts.as(users, "prog.eve", Role.LEARNER);
        assertThatThrownBy(() -> progress.record("relu", 6, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(progress.mine()).isEmpty();
    }
}
