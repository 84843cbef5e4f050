package org.convlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageChoiceTest {

    @Test
    void theSwitchsCookieNamesTheBrowsersLanguage() {
        assertThat(LanguageChoice.fromCookie(request(new Cookie(LanguageChoice.COOKIE, "de")))).contains(Locale.GERMAN);
        assertThat(LanguageChoice.fromCookie(request(new Cookie("other", "es"), new Cookie(LanguageChoice.COOKIE, "es"))))
                .contains(Locale.forLanguageTag("es"));
    }

    @Test
    void aForgedOrMissingCookieChangesNothing() {
        for (String forged : new String[] {"../../etc/passwd", "de-DE<script>", "", "x", "deutsch", "de;es", "%64%65"}) {
            assertThat(LanguageChoice.fromCookie(request(new Cookie(LanguageChoice.COOKIE, forged)))).as(forged).isEmpty();
        }
        assertThat(LanguageChoice.fromCookie(request())).isEmpty();
        assertThat(LanguageChoice.fromCookie(null)).isEmpty();
    }

    private static VaadinRequest request(Cookie... cookies) {
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getCookies()).thenReturn(cookies.length == 0 ? null : cookies);
        return request;
    }
}
