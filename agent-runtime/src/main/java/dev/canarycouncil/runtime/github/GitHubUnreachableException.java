package dev.canarycouncil.runtime.github;

import org.kohsuke.github.GHIOException;

/**
 * GitHub could not be reached or did not answer in time. A {@link GHIOException} so that
 * github-api passes it through unchanged, and not a {@code SocketException}, which github-api
 * would retry by itself: a create whose answer was lost must not be sent again blindly. The
 * transport's own exception stays the cause, so a caller may tell a timeout from a refusal.
 */
public final class GitHubUnreachableException extends GHIOException {

    private static final long serialVersionUID = 1L;

    GitHubUnreachableException(String message, Throwable cause) {
        super(message);
        if (cause != null) {
            initCause(cause);
        }
    }
}
