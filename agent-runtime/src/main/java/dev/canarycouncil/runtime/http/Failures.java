package dev.canarycouncil.runtime.http;

/** Says in words why a network call failed, from anywhere in the exception's cause chain. */
public final class Failures {

    private Failures() {}

    /**
     * "connection refused or unreachable", "connection timed out", "no answer in time", or the
     * most specific message in the chain; never a bare class name when a message exists.
     */
    public static String describe(Throwable failure) {
        String deepestMessage = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.NoRouteToHostException) {
                return "connection refused or unreachable";
            }
            if (t instanceof java.net.http.HttpConnectTimeoutException) {
                return "connection timed out";
            }
            if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return "no answer in time";
            }
            if (t instanceof java.net.UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
                // Jackson's message names its own internals; the first part says what was wrong.
                return "answered with invalid JSON ("
                        + json.getOriginalMessage().lines().findFirst().orElse("unreadable")
                        + (json.getLocation() == null
                                ? ""
                                : " at character " + json.getLocation().getCharOffset()) + ")";
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                deepestMessage = t.getMessage();
            }
        }
        return deepestMessage == null ? failure.getClass().getSimpleName() : deepestMessage;
    }
}
