package org.convlab.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import java.io.IOException;

/**
 * What {@code /error} answers: the servlet container sends here whatever failed outside a controller
 * (a refused URL, an error the API's advice never saw). For a request under {@code /api/**} the answer
 * is one JSON line whatever the Accept header; for pages it is Spring Boot's usual error page. A
 * visit to {@code /error} itself, with no failed request behind it, is a plain 404, never a 500.
 */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorAnswers extends BasicErrorController {

    ErrorAnswers(ErrorAttributes errorAttributes, WebProperties web, List<ErrorViewResolver> resolvers) {
        super(errorAttributes, web.getError(), resolvers);
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (ApiPaths.failedRequestWasApi(request)) {
            try {
                HttpStatus status = getStatus(request);
                ApiError.write(response, status, ApiError.describe(status));
            } catch (IOException e) {
                // The client has gone; there is no one left to tell.
            }
            return null;
        }
        return super.errorHtml(request, response);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (ApiPaths.failedRequestWasApi(request)) {
            HttpStatus status = getStatus(request);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", ApiError.describe(status)));
        }
        return super.error(request);
    }

    /** No status means nobody failed: someone typed /error. Nothing is there. */
    @Override
    protected HttpStatus getStatus(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            return HttpStatus.NOT_FOUND;
        }
        return super.getStatus(request);
    }
}
