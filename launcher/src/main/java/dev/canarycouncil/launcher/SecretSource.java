package dev.canarycouncil.launcher;

import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import java.nio.file.Path;
import java.util.Optional;

/** One way to take a token an option names: from its file when given, else from an environment variable, else none. */
final class SecretSource {

    private SecretSource() {}

    /**
     * @param option the option naming the file, for the error message
     * @throws UsageException when the file or the variable holds no usable token; the message never holds the value
     */
    static Optional<AgentSecret> read(Path file, String option, String env) {
        try {
            if (file != null) {
                return Optional.of(AgentSecret.fromFile(file));
            }
            String value = System.getenv(env);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(AgentSecret.of(value));
        } catch (IllegalArgumentException e) {
            throw new UsageException((file != null ? option + ": " : env + ": ") + e.getMessage());
        }
    }
}
