package org.convlab.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a new account goes after signing in: only a page of this app, never another site. */
class SessionSignInTest {

    @ParameterizedTest
    @CsvSource({"train,train", "/train,train", "runs/abc-123,runs/abc-123", "try,try", "me,me",
        "train/live/7f3e,train/live/7f3e"})
    void aPageOfThisAppIsKept(String stored, String expected) {
        assertThat(SessionSignIn.localPath(stored)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"//evil.example/train", "https://evil.example", "javascript:alert(1)",
        "\\\\evil.example", "/\\evil.example", "../../etc/passwd", "runs/../../admin", "login", "login?error",
        "register", "train\"><script>", "train\r\nSet-Cookie: x=1", " ", "data:text/html,hi"})
    void anythingThatCouldLeaveTheAppGoesHome(String stored) {
        assertThat(SessionSignIn.localPath(stored)).isEmpty();
    }
}
