package dev.canarycouncil.orchestrator.plugin;

/** A plugin request that is not valid JSON or lacks a field; {@code field} names the culprit. */
public class PluginRequestException extends RuntimeException {

    private final String field;

    public PluginRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
