package org.convlab.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of every error the API answers: {@code {"error": "one line for a person"}}, as
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

    /** A line for a status when nothing more precise is known. */
    public static String describe(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "The request is not one the ConvLab API understands.";
            case 401 -> "Sign in first: send your ConvLab username and password (HTTP Basic).";
            case 403 -> "Your account may not do this.";
            case 404 -> "There is nothing at this address in the ConvLab API (see /api/runs and /api/me).";
            case 405 -> "This address of the ConvLab API does not take that method.";
            case 406 -> "The ConvLab API answers in JSON only: ask for application/json.";
            case 413 -> "The request is too large.";
            case 415 -> "Send the request body as JSON (Content-Type: application/json).";
            default -> status.is5xxServerError()
                    ? "Something went wrong on the server. The details are in the server's log; try again, "
                            + "or tell your teacher."
                    : "The request was refused (" + status.value() + ").";
        };
    }

    private static Map<String, String> body(String message, HttpStatusCode status) {
        return Map.of("error", message == null || message.isBlank() ? describe(status) : message);
    }
}
