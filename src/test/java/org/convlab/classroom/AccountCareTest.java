package org.convlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.convlab.account.AccountException;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.AuditAction;
import org.convlab.account.AuditEvent;
import org.convlab.account.AuditLog;
import org.convlab.account.NotYours;
import org.convlab.account.Role;
import org.convlab.classroom.grading.Rule;
import org.convlab.model.Presets;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunJobRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Account care: resets, removing learners, renaming and deleting classes, disabling accounts, the audit log. */
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class AccountCareTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired AccountCare care;
    @Autowired AuditLog audit;
    @Autowired AssignmentService assignments;
    @Autowired AssignmentRepository assignmentRows;
    @Autowired SubmissionRepository submissions;
    @Autowired AppUserRepository users;
    @Autowired SchoolClassRepository classes;
    @Autowired RunJobRepository runs;
    @Autowired PasswordEncoder encoder;
    @Autowired AuthenticationConfiguration authentication;

    ClassroomFixtures fx;
    AppUser admin;
    AppUser teacher;
    AppUser otherTeacher;
    AppUser ann;
    AppUser eve;
    SchoolClass room;
    int n;

    @BeforeEach
    void aClassAndAnotherTeachersClass() {
        fx = new ClassroomFixtures(users, classes, runs);
        n = N.incrementAndGet();
        admin = fx.user("care.admin" + n, "Admin", Role.ADMIN);
        teacher = fx.user("care.teacher" + n, "Ms Lovelace", Role.TEACHER);
        otherTeacher = fx.user("care.other" + n, "Mr Babbage", Role.TEACHER);
        ann = fx.user("care.ann" + n, "Ann", Role.LEARNER);
        eve = fx.user("care.eve" + n, "Eve", Role.LEARNER);
        room = fx.schoolClass("Room " + n, teacher, ann);
        fx.schoolClass("Other room " + n, otherTeacher, eve);
    }

    @AfterEach
    void signOut() {
        ClassroomFixtures.signOut();
    }

    private void login(String username, String password) {
        AuthenticationManager manager = authentication.getAuthenticationManager();
        manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    private AppUser stored(AppUser user) {
        return users.findById(user.getId()).orElseThrow();
    }

    private List<AuditEvent> eventsBy(AppUser actor) {
        return audit.newest(admin).stream().filter(e -> e.getActor().equals(actor.getUsername())).toList();
    }

    @Test
    void aTeacherResetsTheirLearnersPasswordWhichWorksOnceAndMustBeChanged() throws Exception {
        NewAccount reset = care.resetPassword(teacher, ann.getId());

        assertThat(reset.username()).isEqualTo(ann.getUsername());
        assertThat(reset.password()).hasSize(RandomCodes.PASSWORD_LENGTH);
        assertThat(stored(ann).isMustChangePassword()).isTrue();
        login(ann.getUsername(), reset.password());
        assertThatThrownBy(() -> login(ann.getUsername(), "secret")).isInstanceOf(BadCredentialsException.class);
        assertThat(eventsBy(teacher)).singleElement().satisfies(e -> {
            assertThat(e.getAction()).isEqualTo(AuditAction.PASSWORD_RESET);
            assertThat(e.getTarget()).isEqualTo(ann.getUsername());
        });
    }

    @Test
    void aTeacherCannotResetAnyoneOutsideTheirClassesAndForgedIdsReadTheSame() {
        String before = stored(eve).getPasswordHash();
        for (long id : List.of(eve.getId(), otherTeacher.getId(), admin.getId(), teacher.getId(), Long.MAX_VALUE,
                -1L, 0L)) {
            assertThatThrownBy(() -> care.resetPassword(teacher, id))
                    .isInstanceOf(AccountException.class).hasMessage(AccountCare.NOT_YOUR_LEARNER);
        }
        assertThatThrownBy(() -> care.resetPassword(ann, eve.getId())).isInstanceOf(AccountException.class)
                .hasMessage("Only teachers and admins can reset passwords.");
        assertThatThrownBy(() -> care.resetPassword(null, ann.getId())).hasMessage("Sign in first.");
        assertThat(stored(eve).getPasswordHash()).isEqualTo(before);
        assertThat(stored(eve).isMustChangePassword()).isFalse();
        assertThat(eventsBy(teacher)).isEmpty();
    }

    @Test
    void anAdminResetsTeachersAndLearnersButNotAdmins() {
        assertThat(care.resetPassword(admin, otherTeacher.getId()).username()).isEqualTo(otherTeacher.getUsername());
        assertThat(care.resetPassword(admin, eve.getId()).username()).isEqualTo(eve.getUsername());
        assertThat(stored(otherTeacher).isMustChangePassword()).isTrue();
        AppUser secondAdmin = fx.user("care.admin.b" + n, "Admin B", Role.ADMIN);
        assertThatThrownBy(() -> care.resetPassword(admin, secondAdmin.getId())).hasMessage(AccountCare.ADMIN_RESET);
        assertThatThrownBy(() -> care.resetPassword(admin, admin.getId())).hasMessage(AccountCare.ADMIN_RESET);
        assertThatThrownBy(() -> care.resetPassword(admin, Long.MAX_VALUE)).hasMessage(AccountCare.NO_SUCH_ACCOUNT);
    }

    @Test
    void removingALearnerKeepsTheirAccountRunsAndSubmissions() {
        ClassroomFixtures.signIn(teacher);
        AssignmentDetails task = assignments.create(new AssignmentDraft(room.getId(), "Any CNN", "Train one.",
                List.of(new Rule.MaxEpochs(5)), Instant.now().plus(Duration.ofDays(3)), null));
        RunJob run = fx.finishedRun(ann, Presets.get("keras-cnn"), Hyperparameters.defaults().withEpochs(2), 0.9, 2,
                485_514);
        ClassroomFixtures.signIn(ann);
        assignments.submit(task.id(), run.getId());
        ClassroomFixtures.signOut();

        care.removeLearner(teacher, room.getId(), ann.getId());

        assertThat(classes.findByMember(ann.getId())).isEmpty();
        assertThat(users.findById(ann.getId())).isPresent();
        assertThat(runs.findById(run.getId())).isPresent();
        assertThat(submissions.findByLearnerIdOrderBySubmittedAtAscIdAsc(ann.getId())).hasSize(1);
        assertThat(classes.teaches(teacher.getId(), ann.getId())).isFalse();
        assertThat(eventsBy(teacher)).singleElement().extracting(AuditEvent::getAction)
                .isEqualTo(AuditAction.LEARNER_REMOVED);
    }

    @Test
    void removingIsRefusedForOtherTeachersClassesAndLearnersNotInTheClass() {
        assertThatThrownBy(() -> care.removeLearner(otherTeacher, room.getId(), ann.getId()))
                .hasMessage(NotYours.CLASS);
        assertThatThrownBy(() -> care.removeLearner(teacher, Long.MAX_VALUE, ann.getId())).hasMessage(NotYours.CLASS);
        assertThatThrownBy(() -> care.removeLearner(ann, room.getId(), ann.getId())).hasMessage(NotYours.CLASS);
        assertThatThrownBy(() -> care.removeLearner(teacher, room.getId(), eve.getId()))
                .hasMessage(AccountCare.NOT_IN_CLASS);
        assertThatThrownBy(() -> care.removeLearner(teacher, room.getId(), -5)).hasMessage(AccountCare.NOT_IN_CLASS);
        assertThat(classes.teaches(teacher.getId(), ann.getId())).isTrue();
    }

    @Test
    void renamingChecksTheNameAndTheOwner() {
        assertThatThrownBy(() -> care.renameClass(teacher, room.getId(), "   ")).isInstanceOf(AccountException.class)
                .hasMessageStartingWith("Give the class a name");
        assertThatThrownBy(() -> care.renameClass(teacher, room.getId(), "x".repeat(121)))
                .hasMessageStartingWith("The class name is too long");
        assertThatThrownBy(() -> care.renameClass(teacher, room.getId(), null)).hasMessageStartingWith("Give the class");
        assertThatThrownBy(() -> care.renameClass(otherTeacher, room.getId(), "Mine now")).hasMessage(NotYours.CLASS);
        assertThat(classes.findById(room.getId()).orElseThrow().getName()).isEqualTo(room.getName());

        care.renameClass(teacher, room.getId(), "  Room " + n + " (ended) ");

        assertThat(classes.findById(room.getId()).orElseThrow().getName()).isEqualTo("Room " + n + " (ended)");
        assertThat(eventsBy(teacher)).singleElement().satisfies(e -> assertThat(e.getTarget())
                .isEqualTo("\"Room " + n + "\" (" + room.getJoinCode() + ") to \"Room " + n + " (ended)\""));
    }

    @Test
    void aClassWithoutSubmissionsIsDeletedWithItsAssignmentsButTheLearnersKeepTheirRuns() {
        ClassroomFixtures.signIn(teacher);
        AssignmentDetails task = assignments.create(new AssignmentDraft(room.getId(), "Any CNN", "Train one.",
                List.of(new Rule.MaxEpochs(5)), null, null));
        RunJob run = fx.finishedRun(ann, Presets.get("dense"), Hyperparameters.defaults().withEpochs(1), 0.8, 1, 100);
        ClassroomFixtures.signOut();

        ClassDeletion deletion = care.deletion(teacher, room.getId());
        assertThat(deletion).isEqualTo(new ClassDeletion(room.getId(), room.getName(), room.getJoinCode(), 1, 1, 0));
        assertThatThrownBy(() -> care.deleteClass(otherTeacher, room.getId())).hasMessage(NotYours.CLASS);
        assertThatThrownBy(() -> care.deletion(ann, room.getId())).hasMessage(NotYours.CLASS);

        care.deleteClass(teacher, room.getId());

        assertThat(classes.findById(room.getId())).isEmpty();
        assertThat(classes.findByJoinCode(room.getJoinCode())).isEmpty();
        assertThat(assignmentRows.findById(task.id())).isEmpty();
        assertThat(users.findById(ann.getId())).isPresent();
        assertThat(runs.findById(run.getId())).isPresent();
        assertThat(eventsBy(teacher)).singleElement().extracting(AuditEvent::getAction)
                .isEqualTo(AuditAction.CLASS_DELETED);
        assertThatThrownBy(() -> care.deleteClass(teacher, room.getId())).hasMessage(NotYours.CLASS);
    }

    @Test
    void aClassWithSubmissionsIsNotDeletedSoNoGradeIsLost() {
        ClassroomFixtures.signIn(teacher);
        AssignmentDetails task = assignments.create(new AssignmentDraft(room.getId(), "Any CNN", "Train one.",
                List.of(new Rule.MaxEpochs(5)), null, null));
        RunJob run = fx.finishedRun(ann, Presets.get("dense"), Hyperparameters.defaults().withEpochs(1), 0.8, 1, 100);
        ClassroomFixtures.signIn(ann);
        assignments.submit(task.id(), run.getId());
        ClassroomFixtures.signOut();

        assertThat(care.deletion(teacher, room.getId()).allowed()).isFalse();
        assertThatThrownBy(() -> care.deleteClass(teacher, room.getId())).isInstanceOf(AccountException.class)
                .hasMessage("\"" + room.getName() + "\" is not deleted: its assignments have 1 submission, and grades "
                        + "are kept. Rename it (for example \"" + room.getName() + " (ended)\") or remove its learners "
                        + "instead.");
        assertThat(classes.findById(room.getId())).isPresent();
        assertThat(submissions.findByLearnerIdOrderBySubmittedAtAscIdAsc(ann.getId())).hasSize(1);
        assertThat(eventsBy(teacher)).isEmpty();
    }

    @Test
    void aDisabledAccountCannotSignInAndIsToldSoOnlyWithTheRightPassword() {
        AppUser kim = users.save(new AppUser("care.kim" + n, "Kim", encoder.encode("kim-password"), Role.LEARNER));
        care.setDisabled(admin, kim.getId(), true);

        assertThatThrownBy(() -> login(kim.getUsername(), "kim-password")).isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> login(kim.getUsername(), "not-kims")).isInstanceOf(BadCredentialsException.class);

        care.setDisabled(admin, kim.getId(), false);
        login(kim.getUsername(), "kim-password");
        assertThat(eventsBy(admin)).extracting(AuditEvent::getAction)
                .containsExactly(AuditAction.ACCOUNT_ENABLED, AuditAction.ACCOUNT_DISABLED);
    }

    @Test
    void onlyAnAdminDisablesNeverThemselvesAndADisabledAdminDoesNothing() {
        assertThatThrownBy(() -> care.setDisabled(teacher, ann.getId(), true)).hasMessage(AccountCare.ONLY_ADMIN_DISABLES);
        assertThatThrownBy(() -> care.setDisabled(ann, ann.getId(), true)).hasMessage(AccountCare.ONLY_ADMIN_DISABLES);
        assertThatThrownBy(() -> care.setDisabled(admin, admin.getId(), true)).hasMessage(AccountCare.NOT_YOURSELF);
        assertThatThrownBy(() -> care.setDisabled(admin, Long.MAX_VALUE, true)).hasMessage(AccountCare.NO_SUCH_ACCOUNT);

        AppUser secondAdmin = fx.user("care.admin.c" + n, "Admin C", Role.ADMIN);
        care.setDisabled(admin, secondAdmin.getId(), true);
        // A disabled admin (a page opened before) can no longer act, not even to switch itself back on.
        assertThatThrownBy(() -> care.setDisabled(secondAdmin, admin.getId(), true)).hasMessage("Sign in first.");
        assertThatThrownBy(() -> care.setDisabled(secondAdmin, secondAdmin.getId(), false)).hasMessage("Sign in first.");
        assertThatThrownBy(() -> care.resetPassword(secondAdmin, ann.getId())).hasMessage("Sign in first.");
        assertThat(stored(admin).isDisabled()).isFalse();
    }

    @Test
    void theAuditLogIsForAdminsOnlyAndNewestFirst() {
        care.resetPassword(teacher, ann.getId());
        care.renameClass(teacher, room.getId(), "Renamed " + n);
        assertThat(audit.newest(teacher)).isEmpty();
        assertThat(audit.newest(null)).isEmpty();
        assertThat(eventsBy(teacher)).extracting(AuditEvent::getAction)
                .containsExactly(AuditAction.CLASS_RENAMED, AuditAction.PASSWORD_RESET);
    }
}
