package org.convlab.training.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A bug behind an API call: a 500 with one generic line; the details stay in the server's log. */
class ApiErrorsTest {

    private final ApiErrors errors = new ApiErrors();

    @Test
    void anUnexpectedFailureIsAGenericJson500WithoutTheDetails() throws Exception {
        var answer = errors.unexpected(new NullPointerException("secret at /srv/convlab/runs/abc"),
                new MockHttpServletRequest("GET", "/api/runs"), new MockHttpServletResponse());
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/json");
        assertThat(answer.getBody()).containsOnlyKeys("error");
        assertThat(answer.getBody().get("error")).startsWith("Something went wrong on the server")
                .doesNotContain("secret", "/srv", "NullPointer");
    }

    @Test
    void outsideTheApiSpringsOwnHandlingGoesOn() {
        RuntimeException bug = new IllegalStateException("a page's problem");
        assertThatThrownBy(() -> errors.unexpected(bug, new MockHttpServletRequest("GET", "/apiary"),
                new MockHttpServletResponse())).isSameAs(bug);
        assertThatThrownBy(() -> errors.badRequest(bug, new MockHttpServletRequest("GET", "/train"))).isSameAs(bug);
    }
}
