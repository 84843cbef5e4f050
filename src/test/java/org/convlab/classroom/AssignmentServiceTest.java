package org.convlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.convlab.classroom.AssignmentException.Problem;
import org.convlab.classroom.grading.Rule;
import org.convlab.classroom.grading.RuleKind;
import org.convlab.classroom.grading.RuleResult;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.ModelSpec;
import org.convlab.model.Presets;
import org.convlab.training.engine.Augmentation;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunJobRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.training.engine.RunState;
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class AssignmentServiceTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired AssignmentService service;
    @Autowired SubmissionRepository submissions;
    @Autowired AppUserRepository users;
    @Autowired SchoolClassRepository classes;
    @Autowired RunJobRepository runs;

    ClassroomFixtures fx;
    AppUser teacher;
    AppUser ann;
    AppUser bob;
    AppUser otherTeacher;
    AppUser eve;
    SchoolClass room;

    @BeforeEach
    void aClassWithTwoLearnersAndAnotherClassBesideIt() {
        fx = new ClassroomFixtures(users, classes, runs);
        int n = N.incrementAndGet();
        teacher = fx.user("teacher" + n, "Ms Lovelace", Role.TEACHER);
        ann = fx.user("ann" + n, "Ann", Role.LEARNER);
        bob = fx.user("bob" + n, "Bob", Role.LEARNER);
        otherTeacher = fx.user("other" + n, "Mr Babbage", Role.TEACHER);
        eve = fx.user("eve" + n, "Eve", Role.LEARNER);
        room = fx.schoolClass("Room " + n, teacher, ann, bob);
        fx.schoolClass("Other room " + n, otherTeacher, eve);
    }

    @AfterEach
    void signOut() {
        ClassroomFixtures.signOut();
    }

    private AssignmentDetails deeperCnn(Instant due) {
        ClassroomFixtures.signIn(teacher);
        var template = AssignmentTemplates.find("deeper-cnn").orElseThrow();
        return service.create(new AssignmentDraft(room.getId(), template.title(), template.instructions(),
                template.rules(), due, template.id()));
    }

    private RunJob kerasCnn(AppUser owner, double accuracy, int epochs) {
        return fx.finishedRun(owner, Presets.get("keras-cnn"), Hyperparameters.defaults().withEpochs(epochs),
                accuracy, epochs, 485_514);
    }

    /** Lesson 9's live network trains real runs for the learner; they are practice, not work to hand in. */
    @Test
    void aLessonsPracticeRunIsNotOfferedForSubmission() {
        RunJob own = kerasCnn(ann, 0.9, 5);
        long before = submissions.count();
        RunJob lesson = kerasCnn(ann, 0.7, 5);
        lesson.setGrid(null, RunJob.LESSON_KIND, "learning");
        runs.save(lesson);

        ClassroomFixtures.signIn(ann);
        assertThat(service.submittableRuns()).extracting(RunChoice::id).containsExactly(own.getId());
        AssignmentDetails a = deeperCnn(null);
        ClassroomFixtures.signIn(ann);
        assertThatThrownBy(() -> service.submit(a.id(), lesson.getId())).isInstanceOf(AssignmentException.class)
                .hasMessageContaining("trained in a lesson");
        assertThat(submissions.count()).isEqualTo(before);
    }

    @Test
    void aLearnersOwnFinishedRunIsGradedAtOnceRuleByRule() {
        AssignmentDetails a = deeperCnn(Instant.now().plus(Duration.ofDays(7)));
        assertThat(a.template()).isEqualTo("deeper-cnn");
        RunJob run = kerasCnn(ann, 0.9134, 5);

        ClassroomFixtures.signIn(ann);
        assertThat(service.submittableRuns()).extracting(RunChoice::id).containsExactly(run.getId());
        SubmissionDetails s = service.submit(a.id(), run.getId());

        assertThat(s.late()).isFalse();
        assertThat(s.runName()).isEqualTo("keras-cnn");
        assertThat(s.learnerName()).isEqualTo("Ann");
        assertThat(s.grade().summary().toString()).isEqualTo("4 of 4 rules passed");
        assertThat(s.grade().results()).extracting(r -> r.explanation().toString()).containsExactly(
                "The model has 2 convolution layers.",
                "The model has 2 pooling layers (2 max, 0 average).",
                "Test accuracy 91.34%.",
                "Trained for 5 epochs.");
        assertThat(service.mySubmissions(a.id())).containsExactly(s);
    }

    /** The grade is stored as words to be written, so it is read back in each reader's language. */
    @Test
    void aStoredGradeIsReadBackInTheReadersLanguage() {
        AssignmentDetails a = deeperCnn(null);
        RunJob run = kerasCnn(ann, 0.9134, 5);
        ClassroomFixtures.signIn(ann);
        SubmissionDetails s = service.submit(a.id(), run.getId());

        var grade = submissions.findById(s.id()).orElseThrow().getGrade();

        assertThat(grade.results()).extracting(r -> r.explanation().in(java.util.Locale.GERMAN)).containsExactly(
                "Das Modell hat 2 Faltungsschichten.",
                "Das Modell hat 2 Pooling-Schichten (2 Max, 0 Average).",
                "Testgenauigkeit 91,34 %.",
                "5 Epochen trainiert.");
        assertThat(grade.results()).extracting(r -> r.explanation().in(java.util.Locale.of("es"))).containsExactly(
                "El modelo tiene 2 capas convolucionales.",
                "El modelo tiene 2 capas de pooling (2 max, 0 average).",
                "Exactitud de prueba: 91,34 %.",
                "Entrenado durante 5 épocas.");
        assertThat(grade.results().get(2).rule().in(java.util.Locale.GERMAN))
                .isEqualTo("Genauigkeit auf den Testdaten von mindestens 88 %");
        assertThat(grade.summary().in(java.util.Locale.GERMAN)).isEqualTo("4 von 4 Regeln erfüllt");
    }

    @Test
    void aFilterCapIsStoredReadBackAndGradesAPrunedRunAgainstItsOriginal() {
        ClassroomFixtures.signIn(teacher);
        var template = AssignmentTemplates.find("fewer-filters").orElseThrow();
        AssignmentDetails a = service.create(new AssignmentDraft(room.getId(), template.title(), template.instructions(),
                template.rules(), null, template.id()));
        // Read back from the rules_json column, not from the draft.
        assertThat(service.get(a.id()).rules()).isEqualTo(template.rules()).contains(new Rule.MaxFilters(16));

        // The baseline (32 filters) and a pruned copy of it (16 filters left), as PrunedRun names it.
        RunJob original = fx.finishedRun(ann, Presets.get("baseline-cnn"), Hyperparameters.defaults().withEpochs(5),
                0.9123, 5, 542_230);
        ModelSpec prunedSpec = new ModelSpec("baseline-cnn pruned (conv2d: 32\u219216 filters)", Stream.concat(
                Stream.of(new Layer.Conv2d(16, 3, ActivationKind.RELU)),
                Presets.get("baseline-cnn").layers().stream().skip(1)).toList());
        RunJob pruned = fx.finishedRun(ann, prunedSpec, Hyperparameters.defaults().withEpochs(5), 0.9034, 5, 271_150);

        ClassroomFixtures.signIn(ann);
        SubmissionDetails tooMany = service.submit(a.id(), original.getId());
        assertThat(tooMany.grade().results()).extracting(r -> r.explanation().toString()).contains(
                "The model has 32 filters in its one convolution layer, 16 over the limit of 16.");
        assertThat(tooMany.grade().summary().toString()).isEqualTo("3 of 4 rules passed");
        SubmissionDetails fewer = service.submit(a.id(), pruned.getId());
        assertThat(fewer.grade().summary().toString()).isEqualTo("4 of 4 rules passed");
        assertThat(fewer.grade().results()).extracting(r -> r.explanation().toString()).contains(
                "The model has 16 filters in its one convolution layer.", "Test accuracy 90.34%.");
    }

    @Test
    void aRunOnTheWrongDataSetIsExplainedByNameAndOneOnTheChosenSetPasses() {
        ClassroomFixtures.signIn(teacher);
        assertThat(service.datasetsForRules()).contains(new RuleKind.DatasetOption("fashion-mnist", "Fashion-MNIST"));
        AssignmentDetails a = service.create(new AssignmentDraft(room.getId(), "Colour", "Train on the colour shapes.",
                List.of(new Rule.TrainedOnDataset("colour-shapes", "Colour shapes")), null, null));
        // Stored before data sets could be chosen: no "dataset" in its settings, so Fashion-MNIST.
        RunJob old = fx.finishedRun(ann, Presets.get("dense"), Hyperparameters.defaults().withEpochs(3), 0.85, 3, 101_770);
        RunJob gone = fx.finishedRun(ann, Presets.get("dense"),
                Hyperparameters.defaults().withEpochs(3).withDataset("cats-gone"), 0.85, 3, 101_770);
        RunJob colour = fx.finishedRun(ann, Presets.get("dense").forData(3, 32, 2),
                Hyperparameters.defaults().withEpochs(3).withDataset("colour-shapes"), 0.85, 3, 101_770);

        ClassroomFixtures.signIn(ann);
        SubmissionDetails wrong = service.submit(a.id(), old.getId());
        assertThat(wrong.grade().allPassed()).isFalse();
        assertThat(wrong.grade().results().getFirst().explanation().toString())
                .isEqualTo("Trained on Fashion-MNIST, but the assignment asks for Colour shapes.");
        assertThat(service.submit(a.id(), gone.getId()).grade().results().getFirst().explanation().toString())
                .isEqualTo("Trained on a data set no longer on this server, but the assignment asks for Colour shapes.");
        SubmissionDetails right = service.submit(a.id(), colour.getId());
        assertThat(right.grade().allPassed()).isTrue();
        assertThat(right.grade().results().getFirst().explanation().toString()).isEqualTo("Trained on Colour shapes.");
    }

    @Test
    void theStoredSettingsAreReadBackForTheAugmentationRule() {
        ClassroomFixtures.signIn(teacher);
        AssignmentDetails a = service.create(new AssignmentDraft(room.getId(), "Augment", "Turn augmentation on.",
                List.of(new Rule.RequiresAugmentation(), new Rule.MaxEpochs(3)), null, null));
        RunJob plain = fx.finishedRun(ann, Presets.get("dense"), Hyperparameters.defaults().withEpochs(3), 0.85, 3, 101_770);
        RunJob augmented = fx.finishedRun(ann, Presets.get("dense"),
                Hyperparameters.defaults().withEpochs(3).withAugmentation(new Augmentation(10, 2, true)), 0.85, 2, 101_770);

        ClassroomFixtures.signIn(ann);
        assertThat(service.submit(a.id(), plain.getId()).grade().results().getFirst().explanation().toString())
                .isEqualTo("Trained without augmentation (no rotation, shift or mirroring).");
        SubmissionDetails s = service.submit(a.id(), augmented.getId());
        assertThat(s.grade().results()).extracting(r -> r.explanation().toString()).containsExactly(
                "Trained with rotation up to ±10°, shifts up to ±2 px, mirroring.",
                "Trained for 2 epochs."); // early stopping: the history, not the setting, counts
    }

    @Test
    void someoneElsesRunIsRefusedAndNothingIsStored() {
        AssignmentDetails a = deeperCnn(null);
        RunJob bobs = kerasCnn(bob, 0.92, 5);
        ClassroomFixtures.signIn(ann);
        assertThatThrownBy(() -> service.submit(a.id(), bobs.getId()))
                .isInstanceOf(AssignmentException.class).hasMessage("No such run, or it is not yours.");
        assertThat(submissions.findByAssignmentIdOrderBySubmittedAtAscIdAsc(a.id())).isEmpty();
    }

    @Test
    void aRunThatHasNotFinishedIsRefusedWithTheReason() {
        AssignmentDetails a = deeperCnn(null);
        ClassroomFixtures.signIn(ann);
        RunJob running = fx.run(ann, Presets.get("keras-cnn"), RunState.RUNNING);
        RunJob queued = fx.run(ann, Presets.get("keras-cnn"), RunState.QUEUED);
        RunJob failed = fx.run(ann, Presets.get("keras-cnn"), RunState.FAILED);
        RunJob cancelled = fx.run(ann, Presets.get("keras-cnn"), RunState.CANCELLED);

        assertThatThrownBy(() -> service.submit(a.id(), running.getId())).isInstanceOf(AssignmentException.class)
                .hasMessage("Run \"keras-cnn\" is still training; hand it in once it has finished.");
        assertThatThrownBy(() -> service.submit(a.id(), queued.getId())).hasMessageContaining("still waiting to train");
        assertThatThrownBy(() -> service.submit(a.id(), failed.getId())).hasMessageContaining("failed, so there is nothing to grade");
        assertThatThrownBy(() -> service.submit(a.id(), cancelled.getId())).hasMessageContaining("stopped before it finished");
        assertThatThrownBy(() -> service.submit(a.id(), "no-such-run")).isInstanceOf(AssignmentException.class)
                .hasMessage("No such run, or it is not yours."); // the same as for someone else's run
        assertThatThrownBy(() -> service.submit(a.id(), " ")).hasMessage("Choose one of your finished runs to hand in.");
        assertThat(service.submittableRuns()).isEmpty();
        assertThat(submissions.findByAssignmentIdOrderBySubmittedAtAscIdAsc(a.id())).isEmpty();
    }

    @Test
    void onlyLearnersOfTheClassCanHandIn() {
        AssignmentDetails a = deeperCnn(null);
        RunJob eves = kerasCnn(eve, 0.92, 5);
        ClassroomFixtures.signIn(eve);
        assertThatThrownBy(() -> service.submit(a.id(), eves.getId())).isInstanceOf(AccessDeniedException.class)
                .hasMessage("No such assignment, or it is not yours.");
        assertThatThrownBy(() -> service.get(a.id())).isInstanceOf(AccessDeniedException.class)
                .hasMessage("No such assignment, or it is not yours.");
        // A missing assignment is refused in exactly the same words, with the same exception.
        assertThatThrownBy(() -> service.get(987_654_321L)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("No such assignment, or it is not yours.");
        assertThatThrownBy(() -> service.submit(987_654_321L, eves.getId())).isInstanceOf(AccessDeniedException.class)
                .hasMessage("No such assignment, or it is not yours.");
        assertThat(service.forLearner()).isEmpty();
    }

    @Test
    void aTeacherOfAnotherClassCanNeitherSeeNorChangeIt() {
        AssignmentDetails a = deeperCnn(null);
        RunJob run = kerasCnn(ann, 0.9, 5);
        ClassroomFixtures.signIn(ann);
        SubmissionDetails s = service.submit(a.id(), run.getId());

        ClassroomFixtures.signIn(otherTeacher);
        assertThatThrownBy(() -> service.submissions(a.id())).isInstanceOf(AccessDeniedException.class)
                .hasMessage("No such class, or it is not yours.");
        assertThatThrownBy(() -> service.forClass(987_654_321L)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("No such class, or it is not yours.");
        assertThatThrownBy(() -> service.update(a.id(), a.draft())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.regrade(s.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.forClass(room.getId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.create(new AssignmentDraft(room.getId(), "Mine now", "x",
                List.of(new Rule.MaxEpochs(1)), null, null))).isInstanceOf(AccessDeniedException.class);
        assertThat(service.classesITeach()).extracting(ClassSummary::name).containsExactly("Other room " + N.get());

        ClassroomFixtures.signIn(ann);
        assertThatThrownBy(() -> service.submissions(a.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.create(new AssignmentDraft(room.getId(), "Learner's own", "x",
                List.of(new Rule.MaxEpochs(1)), null, null))).isInstanceOf(AccessDeniedException.class);
        ClassroomFixtures.signIn(bob);
        assertThatThrownBy(() -> service.regrade(s.id())).isInstanceOf(AccessDeniedException.class)
                .hasMessage("No such submission, or it is not yours.");
        assertThatThrownBy(() -> service.regrade(987_654_321L)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("No such submission, or it is not yours.");
    }

    @Test
    void gradingAgainGivesTheSameGradeAndChangedRulesRegradeEverySubmission() {
        AssignmentDetails a = deeperCnn(null);
        RunJob run = kerasCnn(ann, 0.8765, 5);
        ClassroomFixtures.signIn(ann);
        SubmissionDetails first = service.submit(a.id(), run.getId());
        assertThat(first.grade().passed()).isEqualTo(3);

        SubmissionDetails again = service.regrade(first.id());
        assertThat(again).isEqualTo(first);
        ClassroomFixtures.signIn(teacher);
        assertThat(service.regrade(first.id()).grade()).isEqualTo(first.grade());

        AssignmentDraft lower = new AssignmentDraft(null, a.title(), a.instructions(),
                List.of(new Rule.MinConvLayers(2), new Rule.MinTestAccuracy(0.85)), a.dueAt(), a.template());
        AssignmentDetails changed = service.update(a.id(), lower);
        assertThat(changed.rules()).hasSize(2);
        assertThat(changed.classId()).isEqualTo(room.getId());
        SubmissionDetails regraded = service.submissions(a.id()).getFirst();
        assertThat(regraded.grade().summary().toString()).isEqualTo("2 of 2 rules passed");
        assertThat(regraded.grade().results().get(1).explanation().toString()).isEqualTo("Test accuracy 87.65%.");
    }

    @Test
    void aDeletedRunKeepsItsGradeButCannotBeGradedAgain() {
        AssignmentDetails a = deeperCnn(null);
        RunJob run = kerasCnn(ann, 0.91, 5);
        ClassroomFixtures.signIn(ann);
        SubmissionDetails s = service.submit(a.id(), run.getId());
        runs.deleteById(run.getId());

        SubmissionDetails kept = service.mySubmissions(a.id()).getFirst();
        assertThat(kept.runId()).isNull();
        assertThat(kept.runName()).isEqualTo("keras-cnn");
        assertThat(kept.grade()).isEqualTo(s.grade());
        assertThatThrownBy(() -> service.regrade(s.id())).isInstanceOf(AssignmentException.class)
                .hasMessageContaining("was deleted, so it cannot be graded again");
    }

    @Test
    void everySubmissionIsKeptTheBestCountsAndLateOnesAreMarked() {
        AssignmentDetails a = deeperCnn(Instant.now().minus(Duration.ofHours(1)));
        RunJob weak = kerasCnn(ann, 0.80, 5);
        RunJob good = kerasCnn(ann, 0.90, 5);
        RunJob tooLong = kerasCnn(ann, 0.93, 20);
        ClassroomFixtures.signIn(ann);
        service.submit(a.id(), weak.getId());
        SubmissionDetails best = service.submit(a.id(), good.getId());
        service.submit(a.id(), tooLong.getId());

        List<SubmissionDetails> mine = service.mySubmissions(a.id());
        assertThat(mine).extracting(s -> s.grade().passed()).containsExactly(3, 4, 3);
        assertThat(mine).allMatch(SubmissionDetails::late);
        assertThat(SubmissionDetails.counted(mine)).contains(best);

        LearnerAssignment listed = service.forLearner().stream()
                .filter(la -> la.assignment().id() == a.id()).findFirst().orElseThrow();
        assertThat(listed.submissions()).isEqualTo(3);
        assertThat(listed.counted()).contains(best);

        // The teacher gives more time: what was late is on time now.
        ClassroomFixtures.signIn(teacher);
        service.update(a.id(), new AssignmentDraft(null, a.title(), a.instructions(), a.rules(),
                Instant.now().plus(Duration.ofDays(1)), a.template()));
        assertThat(service.submissions(a.id())).noneMatch(SubmissionDetails::late)
                .extracting(s -> s.grade().passed()).containsExactly(3, 4, 3);
    }

    @Test
    void anIncompleteAssignmentIsRefusedFieldByField() {
        ClassroomFixtures.signIn(teacher);
        assertThatThrownBy(() -> service.create(new AssignmentDraft(room.getId(), " ", "", List.of(), null, null)))
                .isInstanceOfSatisfying(AssignmentException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("title", "instructions", "rules"));
        assertThatThrownBy(() -> service.create(new AssignmentDraft(null, "T", "I", List.of(new Rule.MaxEpochs(1)), null, null)))
                .isInstanceOfSatisfying(AssignmentException.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem("class", "Choose the class this assignment is for.")));
        assertThat(service.forClass(room.getId())).isEmpty();
    }

    @Test
    void learnersSeeTheirClassesAssignmentsSoonestDueFirst() {
        ClassroomFixtures.signIn(teacher);
        Instant soon = Instant.now().plus(Duration.ofDays(1));
        service.create(new AssignmentDraft(room.getId(), "Whenever", "No hurry.", List.of(new Rule.MaxEpochs(5)), null, null));
        service.create(new AssignmentDraft(room.getId(), "Later", "Next week.", List.of(new Rule.MaxEpochs(5)),
                soon.plus(Duration.ofDays(6)), null));
        service.create(new AssignmentDraft(room.getId(), "Soon", "Tomorrow.", List.of(new Rule.MaxEpochs(5)), soon, null));

        ClassroomFixtures.signIn(bob);
        assertThat(service.forLearner()).extracting(la -> la.assignment().title()).containsExactly("Soon", "Later", "Whenever");
        assertThat(service.forLearner()).allSatisfy(la -> assertThat(la.counted()).isEmpty());
        assertThat(service.forClass(room.getId())).hasSize(3);
    }
}
