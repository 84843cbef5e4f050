package org.convlab.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import java.util.Locale;
import java.util.Map;
import org.convlab.i18n.Translations;
import java.io.Writer;

/**
 * Tomcat's own error page, for what it refuses before Spring sees the request (an encoded slash or
 * NUL in the address, a request line over 8 KB, a broken header): under {@code /api/**} it is one
 * JSON line like every other API error; elsewhere it stays Tomcat's bare page, without the server's
 * version (as Spring Boot configures it).
 */
public class ApiErrorReportValve extends ErrorReportValve {

    public ApiErrorReportValve() {
        setShowServerInfo(false);
        setShowReport(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        if (uri == null || !(uri.equals("/api") || uri.startsWith("/api/"))) {
            super.report(request, response, throwable);
            return;
        }
        // As Tomcat's own report: only an error nothing has answered yet, and only once.
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(response.getStatus());
        // The request itself may be unreadable here, its headers too: these answers are in English.
        String message = status == HttpStatus.BAD_REQUEST
                ? Translations.get(Locale.ENGLISH, "api.status.unreadable")
                : status != null ? ApiError.describe(status, Locale.ENGLISH)
                : Translations.get(Locale.ENGLISH, "api.status.refused", String.valueOf(response.getStatus()));
        try {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ApiError.json(Map.of("error", message)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone, or the answer was already on its way: nothing more to say.
        }
    }

    /** Puts this valve in place of the host's error report valve that Spring Boot adds. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(
            type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
    static class Installer {

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> apiErrorReportValve() {
            return factory -> factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ApiErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ApiErrorReportValve());
                if (host instanceof org.apache.catalina.core.StandardHost standard) {
                    // Or the host adds Tomcat's own valve again when it starts.
                    standard.setErrorReportValveClass(ApiErrorReportValve.class.getName());
                }
            });
        }
    }
}
