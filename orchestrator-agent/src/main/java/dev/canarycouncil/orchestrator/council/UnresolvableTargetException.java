package dev.canarycouncil.orchestrator.council;

/** The canary named by the caller could not be found or resolved to a rollout. */
public class UnresolvableTargetException extends RuntimeException {

    public UnresolvableTargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
