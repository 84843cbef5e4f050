package org.convlab.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.convlab.i18n.Translations;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The language an API answer's {@code error} line is written in: the first of the request's
 * {@code Accept-Language} that ConvLab is written in, else English. Not the server's own language (which
 * the servlet container reports when the header is missing), so a script gets the same answer on
 * every server.
 */
public final class ApiLanguage {

    private ApiLanguage() {}

    public static Locale of(HttpServletRequest request) {
        return request == null ? Locale.ENGLISH : ofHeader(request.getHeader("Accept-Language"));
    }

    /**
     * The first language ConvLab writes among those an {@code Accept-Language} header accepts, in their
     * order of preference ("fr, de;q=0.5" is German); English for no header, "*", or a header that is
     * not a language list. Parsed here rather than by the servlet container, which reports the
     * server's own language when a header names none.
     */
    public static Locale ofHeader(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> Locale.forLanguageTag(range.getRange()))
                    .filter(Translations::isSupported)
                    .findFirst()
                    .map(Translations::supported)
                    .orElse(Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }

    /** The language of the request this thread is answering; English outside a request. */
    public static Locale current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? of(attributes.getRequest()) : Locale.ENGLISH;
    }
}
