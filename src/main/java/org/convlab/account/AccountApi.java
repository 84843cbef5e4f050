package org.convlab.account;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: lets a script (or the command line) check its credentials before it does anything else. */
@RestController
class AccountApi {

    record Me(String username, String displayName, Role role) {}

    private final CurrentUser currentUser;

    AccountApi(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping("/api/me")
    Me me() {
        AppUser user = currentUser.require();
        return new Me(user.getUsername(), user.getDisplayName(), user.getRole());
    }
}
