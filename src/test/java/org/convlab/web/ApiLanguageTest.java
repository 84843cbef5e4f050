package org.convlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

class ApiLanguageTest {

    @Test
    void anAnswerFollowsTheFirstLanguageConvLabIsWrittenIn() {
        assertThat(ApiLanguage.of(request("de-DE,de;q=0.9,en;q=0.8"))).isEqualTo(Locale.GERMAN);
        assertThat(ApiLanguage.of(request("fr-FR, es;q=0.5, de;q=0.2"))).isEqualTo(Locale.of("es"));
        assertThat(ApiLanguage.of(request("fr-FR, ja"))).isEqualTo(Locale.ENGLISH);
        assertThat(ApiLanguage.of(request("fr, de"))).as("the second choice, not only the first").isEqualTo(Locale.GERMAN);
        assertThat(ApiLanguage.of(request("es;q=0.2, de-CH;q=0.9"))).as("by weight").isEqualTo(Locale.GERMAN);
    }

    @Test
    void aHeaderThatNamesNoLanguageReadsEnglish() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(ApiLanguage.ofHeader("*")).isEqualTo(Locale.ENGLISH);
            assertThat(ApiLanguage.ofHeader("")).isEqualTo(Locale.ENGLISH);
            assertThat(ApiLanguage.ofHeader(";;;q=abc")).isEqualTo(Locale.ENGLISH);
            assertThat(ApiLanguage.ofHeader(null)).isEqualTo(Locale.ENGLISH);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void withoutAcceptLanguageTheAnswerIsEnglishWhateverTheServersLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            MockHttpServletRequest request = new MockHttpServletRequest();
            assertThat(ApiLanguage.of(request)).isEqualTo(Locale.ENGLISH);
            assertThat(ApiLanguage.current()).as("outside a request").isEqualTo(Locale.ENGLISH);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void statusLinesReadInTheRequestedLanguage() {
        assertThat(ApiError.describe(HttpStatus.NOT_FOUND, Locale.ENGLISH)).startsWith("There is nothing at this address");
        assertThat(ApiError.describe(HttpStatus.NOT_FOUND, Locale.GERMAN)).startsWith("Unter dieser Adresse gibt es");
        assertThat(ApiError.describe(HttpStatus.I_AM_A_TEAPOT, Locale.of("es"))).isEqualTo("La petición fue rechazada (418).");
        assertThat(ApiError.describe(HttpStatus.BAD_GATEWAY, Locale.GERMAN)).contains("schiefgegangen");
    }

    private static MockHttpServletRequest request(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", acceptLanguage);
        return request;
    }
}
