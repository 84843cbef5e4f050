package org.convlab.training.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.account.SignedIn;
import org.convlab.account.TestAccounts;
import org.convlab.training.queue.RunQueue;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Browserless tests of pages that show saved runs: the run folders in the test's runs folder
 * (made by the test class) belong to the learner "owner", who is signed in.
 */
@SignedIn(username = "owner")
abstract class OwnedRunsTest extends SpringBrowserlessTest {

    @Autowired
    RunQueue queue;
    @Autowired
    AppUserRepository users;

    @BeforeEach
    void giveTheRunFoldersToTheSignedInLearner() {
        queue.adoptFolders(TestAccounts.as(users, "owner", Role.LEARNER).getId());
    }
}
