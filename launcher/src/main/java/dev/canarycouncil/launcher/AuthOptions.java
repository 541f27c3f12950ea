package dev.canarycouncil.launcher;

import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The bearer token the council's own agents share: each agent demands it on its A2A endpoint
 * (declared in its card) and presents it to the others.
 */
final class AuthOptions {

    static final String TOKEN_ENV = "CANARY_COUNCIL_AUTH_TOKEN";

    @Option(
            names = "--auth-token-file",
            paramLabel = "FILE",
            defaultValue = "${env:CANARY_COUNCIL_AUTH_TOKEN_FILE}",
            description =
                    "File holding the bearer token every agent requires and presents (env "
                            + "CANARY_COUNCIL_AUTH_TOKEN_FILE, or the token itself in CANARY_COUNCIL_AUTH_TOKEN). Default: no authentication.")
    Path tokenFile;

    /** The token; empty when authentication is off. */
    Optional<AgentSecret> secret() {
        return SecretSource.read(tokenFile, "--auth-token-file", TOKEN_ENV);
    }
}
