package org.convlab.classroom;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelSpecJson;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunJobRepository;
import org.convlab.training.engine.ProgressListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.training.engine.RunState;
/**
 * Accounts, classes and finished runs written straight into the database, and signing in as one
 * of the accounts, for the classroom's tests.
 */
public final class ClassroomFixtures {

    /** The settings and history columns are written the way the training package writes them. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AppUserRepository users;
    private final SchoolClassRepository classes;
    private final RunJobRepository runs;

    public ClassroomFixtures(AppUserRepository users, SchoolClassRepository classes, RunJobRepository runs) {
        this.users = users;
        this.classes = classes;
        this.runs = runs;
    }

    public AppUser user(String username, String displayName, Role role) {
        return users.save(new AppUser(username, displayName, "{noop}secret", role));
    }

    public SchoolClass schoolClass(String name, AppUser teacher, AppUser... learners) {
        SchoolClass c = new SchoolClass(name, "CODE-" + UUID.randomUUID().toString().substring(0, 8), teacher);
        c.getMembers().addAll(List.of(learners));
        return classes.save(c);
    }

    /** A run that finished: {@code epochs} epochs of history, the accuracy and parameter count given. */
    public RunJob finishedRun(AppUser owner, ModelSpec spec, Hyperparameters hp, double accuracy, int epochs, long params) {
        RunJob run = new RunJob("run-" + UUID.randomUUID(), owner.getId(), spec.name(), ModelSpecJson.write(spec),
                JSON.writeValueAsString(hp), hp.epochs());
        run.setStatus(RunState.DONE);
        run.setStartedAt(Instant.now().minusSeconds(100));
        run.setFinishedAt(Instant.now());
        run.setEpochsDone(epochs);
        run.setHistoryJson(JSON.writeValueAsString(IntStream.rangeClosed(1, epochs)
                .mapToObj(e -> new ProgressListener.EpochReport(e, 0.5, 0.8, 0.5, 0.8, 0.001, 9.5, 5000))
                .toList()));
        run.setTestAccuracy(accuracy);
        run.setParams(params);
        run.setTrainSeconds(95.0);
        return runs.save(run);
    }

    /** A run in another state (queued, running, failed, ...), with no outcome. */
    public RunJob run(AppUser owner, ModelSpec spec, RunState status) {
        RunJob run = new RunJob("run-" + UUID.randomUUID(), owner.getId(), spec.name(), ModelSpecJson.write(spec),
                JSON.writeValueAsString(Hyperparameters.defaults()), 5);
        run.setStatus(status);
        return runs.save(run);
    }

    /** Signs in as {@code user}, the way the login page leaves the security context. */
    public static void signIn(AppUser user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.getUsername(), null, List.of(new SimpleGrantedAuthority(user.getRole().authority()))));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
