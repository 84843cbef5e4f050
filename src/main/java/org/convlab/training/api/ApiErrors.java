package org.convlab.training.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.convlab.web.ApiError;
import org.convlab.web.ApiLanguage;
import org.convlab.web.ApiPaths;
import org.convlab.training.queue.OverBudgetException;
import org.convlab.training.engine.RunRefused;
import org.convlab.training.engine.RunImport;
import org.convlab.i18n.HasText;
import org.convlab.i18n.TextException;
import org.convlab.i18n.Translations;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.convlab.training.queue.RunAccess;
import org.convlab.web.ApiLanguage;
import org.convlab.model.InvalidModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of an API call ({@code /api/**}, whichever controller) is one JSON line saying what
 * was wrong ({@link ApiError}); never a stack trace, never an HTML page. The advice is global because
 * Spring MVC raises 405, 406 and 415 before any controller is chosen; for a request outside
 * {@code /api/**} it rethrows, and Spring's usual handling goes on. What the caller got wrong is a 4xx;
 * anything else is a bug: logged here with its stack trace, answered with a 500 and a generic line.
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(InvalidModelException.class)
    ResponseEntity<Map<String, String>> invalidModel(InvalidModelException e, HttpServletRequest request) throws Exception {
        return apiOnly(request, e, HttpStatus.BAD_REQUEST,
                e instanceof RunRefused refused ? refused.text().in(locale(request)) : e.oneLine());
    }

    /**
     * A run beyond the learner's budget: 429 when it is the runs already waiting (a script may try
     * again once one has started), 400 when the run itself is too large.
     */
    @ExceptionHandler(OverBudgetException.class)
    ResponseEntity<Map<String, String>> overBudget(OverBudgetException e, HttpServletRequest request) throws Exception {
        return apiOnly(request, e, e.tooManyWaiting() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.BAD_REQUEST,
                e.text().in(locale(request)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request)
            throws Exception {
        return apiOnly(request, e, HttpStatus.BAD_REQUEST, Translations.get(locale(request), "training.api.not-a-run",
                "{\"preset\": \"baseline-cnn\", \"hyperparameters\": {\"epochs\": 1}}"));
    }

    /** A form upload over the multipart cap, refused before it reaches RunsApi. */
    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooLarge(RuntimeException e, HttpServletRequest request) throws Exception {
        return apiOnly(request, e, HttpStatus.CONTENT_TOO_LARGE, Translations.get(locale(request), "training.api.too-large"));
    }

    @ExceptionHandler({IllegalArgumentException.class, IllegalStateException.class})
    ResponseEntity<Map<String, String>> badRequest(RuntimeException e, HttpServletRequest request) throws Exception {
        return apiOnly(request, e, HttpStatus.BAD_REQUEST, words(e, request));
    }

    /** A refusal in the learner's words that no handler above names: a bad request, in the request's language. */
    @ExceptionHandler(TextException.class)
    ResponseEntity<Map<String, String>> refused(TextException e, HttpServletRequest request) throws Exception {
        return apiOnly(request, e, HttpStatus.BAD_REQUEST, words(e, request));
    }

    /** Missing and someone else's answer alike (RunAccess), so an id reveals nothing. */
    @ExceptionHandler(RunAccess.RunNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(RunAccess.RunNotFoundException e, HttpServletRequest request)
            throws Exception {
        return apiOnly(request, e, HttpStatus.NOT_FOUND, words(e, request));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> denied(AccessDeniedException e, HttpServletRequest request) throws Exception {
        return apiOnly(request, e, HttpStatus.FORBIDDEN, e instanceof RunAccess.OnlyTeacherException only
                ? only.text().in(locale(request)) : e.getMessage());
    }

    /**
     * Spring MVC's own refusals (405, 406, 415, a path variable of the wrong type, ...) keep their
     * status with our line; anything else is a bug.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (!ApiPaths.isApi(request)) {
            throw e;
        }
        if (e instanceof ErrorResponse refusal) {
            return ApiError.answer(refusal.getStatusCode(), refusalLine(e, refusal));
        }
        if (response.isCommitted()) {
            log.debug("{} {} failed after its answer had started", request.getMethod(), request.getRequestURI(), e);
            return null;
        }
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        return ApiError.answer(HttpStatus.INTERNAL_SERVER_ERROR, null);
    }

    private static String refusalLine(Exception e, ErrorResponse refusal) {
        if (e instanceof HttpRequestMethodNotSupportedException method && method.getSupportedMethods() != null) {
            // Method names are code: they stay as they are in every language.
            return Translations.get(ApiLanguage.current(), "training.api.wrong-method", method.getMethod(),
                    String.join(", ", method.getSupportedMethods()));
        }
        return ApiError.describe(refusal.getStatusCode());
    }

    /**
     * The language of the answer: the request's Accept-Language where ConvLab has it; English when
     * there is none (a servlet request without the header reports the server's own locale).
     */
    static Locale locale(HttpServletRequest request) {
        return ApiLanguage.of(request);
    }

    /** A refusal's line in the request's language where it carries its words, else its message. */
    private static String words(Exception e, HttpServletRequest request) {
        if (e instanceof RunImport.RefusedException refused) {
            return refused.text().in(locale(request));
        }
        return e instanceof HasText words ? words.text().in(locale(request)) : e.getMessage();
    }

    private static ResponseEntity<Map<String, String>> apiOnly(HttpServletRequest request, Exception e,
            HttpStatusCode status, String message) throws Exception {
        if (!ApiPaths.isApi(request)) {
            throw e;
        }
        return ApiError.answer(status, message);
    }
}
