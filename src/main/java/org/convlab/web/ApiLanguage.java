package org.convlab.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
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
        if (request == null || request.getHeader("Accept-Language") == null) {
            return Locale.ENGLISH;
        }
        return Collections.list(request.getLocales()).stream()
                .filter(Translations::isSupported)
                .map(Translations::supported)
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    /** The language of the request this thread is answering; English outside a request. */
    public static Locale current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? of(attributes.getRequest()) : Locale.ENGLISH;
    }
}
