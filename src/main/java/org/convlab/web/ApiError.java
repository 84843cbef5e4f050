package org.convlab.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.convlab.i18n.Translations;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of every error the API answers: {@code {"error": "one line for a person"}} in the
 * language of the request's Accept-Language ({@link ApiLanguage}), as
 * {@code application/json} whatever the request's Accept header asked for (a preset Content-Type
 * skips content negotiation, so an Accept of application/xml cannot turn an error into a 500).
 */
public final class ApiError {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiError() {}

    /**
     * An error body as JSON, for code outside Spring MVC that writes the answer itself (filters,
     * Tomcat's error report, Spring Security's handlers); inside MVC, Spring's own mapper writes it.
     */
    public static String json(Map<String, String> body) {
        return JSON.writeValueAsString(body);
    }

    public static ResponseEntity<Map<String, String>> answer(HttpStatusCode status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(message, status));
    }

    /** For code that has only the servlet response (filters, /error). */
    public static void write(HttpServletResponse response, HttpStatusCode status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(body(message, status)));
    }

    /** A line for a status when nothing more precise is known, in the language the request asked for. */
    public static String describe(HttpStatusCode status) {
        return describe(status, ApiLanguage.current());
    }

    /** A line for a status when nothing more precise is known, in {@code language}. */
    public static String describe(HttpStatusCode status, Locale language) {
        return switch (status.value()) {
            case 400, 401, 403, 404, 405, 406, 413, 415 -> Translations.get(language, "api.status." + status.value());
            default -> status.is5xxServerError()
                    ? Translations.get(language, "api.status.server")
                    : Translations.get(language, "api.status.refused", String.valueOf(status.value()));
        };
    }

    private static Map<String, String> body(String message, HttpStatusCode status) {
        return Map.of("error", message == null || message.isBlank() ? describe(status) : message);
    }
}
