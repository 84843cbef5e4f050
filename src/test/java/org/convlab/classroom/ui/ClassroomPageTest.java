package org.convlab.classroom.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.convlab.account.AppUserRepository;
import org.convlab.classroom.AssignmentService;
import org.convlab.classroom.ClassroomFixtures;
import org.convlab.classroom.SchoolClassRepository;
import org.convlab.training.queue.RunJobRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Browserless tests of the classroom pages (assignments, editor, overview, gradebook): one shared
 * application context with no training worker, the repositories the fixtures write to, and a
 * signed-out security context after every test.
 */
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
abstract class ClassroomPageTest extends SpringBrowserlessTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired AssignmentService service;
    @Autowired AppUserRepository users;
    @Autowired SchoolClassRepository classes;
    @Autowired RunJobRepository runs;
    @Autowired org.convlab.dataset.library.DatasetCatalog datasets;

    /** Accounts, classes and finished runs, written to this context's database. */
    ClassroomFixtures fixtures() {
        return new ClassroomFixtures(users, classes, runs);
    }

    /** A number no other test has used yet: the tests share one database, so names must differ. */
    static int unique() {
        return N.incrementAndGet();
    }

    @AfterEach
    void signOut() {
        ClassroomFixtures.signOut();
    }
}
