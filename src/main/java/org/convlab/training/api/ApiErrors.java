package org.convlab.training.api;

import java.util.Map;
import org.convlab.classroom.RunAccess;
import org.convlab.model.InvalidModelException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every API failure is one JSON line saying what was wrong; never a stack trace. */
@RestControllerAdvice(assignableTypes = RunsApi.class)
class ApiErrors {

    @ExceptionHandler(InvalidModelException.class)
    ResponseEntity<Map<String, String>> invalidModel(InvalidModelException e) {
        return error(HttpStatus.BAD_REQUEST, e.oneLine());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "the request body is not a run: send JSON like "
                + "{\"preset\": \"baseline-cnn\", \"hyperparameters\": {\"epochs\": 1}}");
    }

    @ExceptionHandler({IllegalArgumentException.class, IllegalStateException.class})
    ResponseEntity<Map<String, String>> badRequest(RuntimeException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(RunAccess.RunNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(RunAccess.RunNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> denied(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message == null ? status.getReasonPhrase() : message));
    }
}
