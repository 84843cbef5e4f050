package org.convlab.web;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.HttpRequestHandler;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * An address under {@code /api/} that no controller has. Without this, Vaadin's catch-all route
 * would answer it with a 200 HTML page. Ordered right after the controllers' mapping (order 0), so
 * a known address with the wrong method still gets its 405 there.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
class ApiFallback {

    @Bean
    SimpleUrlHandlerMapping apiFallbackMapping() {
        HttpRequestHandler nothingHere = (request, response) ->
                ApiError.write(response, HttpStatus.NOT_FOUND, ApiError.describe(HttpStatus.NOT_FOUND));
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/api", nothingHere, "/api/**", nothingHere));
        mapping.setOrder(1);
        return mapping;
    }
}
