package dev.canarycouncil.runtime.a2a.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;

/**
 * A token or API key one agent presents to another. Never printed: {@link #toString()} hides it,
 * so a secret that reaches a log line or an error message shows as {@code <secret>}.
 */
public final class AgentSecret {

    private final String value;

    private AgentSecret(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException when the secret is blank or spans several lines */
    public static AgentSecret of(String value) {
        Objects.requireNonNull(value, "value");
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the secret is empty");
        }
        if (trimmed.contains("\n") || trimmed.contains("\r")) {
            throw new IllegalArgumentException("the secret spans several lines; it must be one token");
        }
        return new AgentSecret(trimmed);
    }

    /** Reads a secret from a file, as mounted from a Kubernetes Secret (one trailing newline allowed). */
    public static AgentSecret fromFile(Path file) {
        try {
            return of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the secret file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the secret file " + file + " is unusable: " + e.getMessage(), e);
        }
    }

    /** Reads a secret from an environment variable; the error names the variable, never a value. */
    public static AgentSecret fromEnv(String variable, Map<String, String> env) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "the environment variable " + variable + " holding the secret is not set");
        }
        return of(value);
    }

    /** The secret itself, for the one header that carries it. */
    public String reveal() {
        return value;
    }

    /** Compares in constant time, so response timing does not leak how much of a guess was right. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Equal secrets are the same credential: a re-read configuration with an unchanged token changes nothing. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AgentSecret s && matches(s.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "<secret>";
    }
}
