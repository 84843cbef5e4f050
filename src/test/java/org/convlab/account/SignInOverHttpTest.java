package org.convlab.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signing in over real HTTP (a real server, as a browser sees it): the session cookie's attributes,
 * login CSRF, and the sign-in throttle on the login form.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"convlab.worker.enabled=false", "convlab.runs-dir=target/test-runs/signin"})
class SignInOverHttpTest {

    @LocalServerPort int port;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired LoginThrottle throttle;

    final LoginThrottleTest.HandClock clock = new LoginThrottleTest.HandClock();
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void setUp() {
        throttle.useClock(clock);
        TestAccounts.ensure(users, encoder, "http.learner", Role.LEARNER);
    }

    @AfterEach
    void realClock() {
        throttle.useClock(Clock.systemUTC());
    }

    private String own() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> login(String username, String password, String... headers) throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(own() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean signedIn(HttpResponse<?> response) {
        return response.statusCode() == 302
                && !response.headers().firstValue("Location").orElse("").contains("error");
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
        HttpResponse<String> response = login("http.learner", TestAccounts.PASSWORD, "Origin", own());
        assertThat(signedIn(response)).isTrue();
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
    }

    @Test
    void theLoginFormFromThisServerSignsIn() throws Exception {
        assertThat(signedIn(login("http.learner", TestAccounts.PASSWORD, "Origin", own(), "Sec-Fetch-Site", "same-origin")))
                .isTrue();
        assertThat(signedIn(login("http.learner", TestAccounts.PASSWORD))).as("no browser headers: a script").isTrue();
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefused() throws Exception {
        List<String[]> forged = List.of(
                new String[] {"Origin", "http://evil.example"},
                new String[] {"Origin", "http://localhost:" + (port + 1)}, // another port on this machine
                new String[] {"Origin", "https://localhost:" + port},
                new String[] {"Origin", "null"}, // a sandboxed frame
                new String[] {"Origin", "::not a url::"},
                new String[] {"Sec-Fetch-Site", "cross-site"},
                new String[] {"Sec-Fetch-Site", "same-site"});
        for (String[] header : forged) {
            HttpResponse<String> response = login("http.learner", TestAccounts.PASSWORD, header);
            assertThat(response.statusCode()).as(String.join(": ", header)).isEqualTo(403);
            assertThat(response.headers().allValues("Set-Cookie")).as("no session").noneMatch(c -> c.startsWith("JSESSIONID="));
        }
    }

    @Test
    void manyWrongPasswordsOnTheFormRefuseEvenTheRightOneUntilTheWaitIsOver() throws Exception {
        TestAccounts.ensure(users, encoder, "http.guessed", Role.LEARNER);
        for (int i = 0; i < 5; i++) {
            assertThat(signedIn(login("http.guessed", "guess-" + i, "Origin", own()))).isFalse();
        }
        HttpResponse<String> refused = login("http.guessed", TestAccounts.PASSWORD, "Origin", own());
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        clock.advance(Duration.ofSeconds(15));
        assertThat(signedIn(login("http.guessed", TestAccounts.PASSWORD, "Origin", own()))).isTrue();
    }
}
