package org.convlab.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** Whether a request is for the JSON API ({@code /api/**}), so that its errors are JSON too. */
public final class ApiPaths {

    private ApiPaths() {}

    /** True for {@code /api} and everything under it, not for {@code /apiary}. */
    public static boolean isApi(HttpServletRequest request) {
        return isApiPath(withoutContext(request, request.getRequestURI()));
    }

    /** For {@code /error}: true when the request that failed was for the API. */
    public static boolean failedRequestWasApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String failed ? isApiPath(withoutContext(request, failed)) : isApi(request);
    }

    static boolean isApiPath(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static String withoutContext(HttpServletRequest request, String uri) {
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
