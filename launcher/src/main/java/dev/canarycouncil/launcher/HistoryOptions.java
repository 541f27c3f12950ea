package dev.canarycouncil.launcher;

import dev.canarycouncil.orchestrator.history.HistorySettings;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where {@code serve} keeps every analysis: H2 in a data directory by default, PostgreSQL when given. */
final class HistoryOptions {

    static final String PASSWORD_ENV = "CANARY_COUNCIL_HISTORY_PASSWORD";

    @Option(
            names = "--history-url",
            paramLabel = "JDBC_URL",
            defaultValue = "${env:CANARY_COUNCIL_HISTORY_URL}",
            description =
                    "PostgreSQL for the analysis history, jdbc:postgresql://host:5432/db (env CANARY_COUNCIL_HISTORY_URL). "
                            + "Default: an embedded H2 database in --data-dir.")
    String url;

    @Option(
            names = "--history-user",
            defaultValue = "${env:CANARY_COUNCIL_HISTORY_USER}",
            description = "The PostgreSQL user (env CANARY_COUNCIL_HISTORY_USER).")
    String user;

    @Option(
            names = "--history-password-file",
            paramLabel = "FILE",
            description = "File holding the PostgreSQL password (or the password itself in " + PASSWORD_ENV + ").")
    Path passwordFile;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "${env:CANARY_COUNCIL_DATA_DIR:-${sys:user.home}/.canary-council}",
            description =
                    "Where the embedded history is kept (env CANARY_COUNCIL_DATA_DIR; default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--history-retention-days",
            paramLabel = "DAYS",
            defaultValue = "90",
            description = "Analyses older than this are deleted (default: ${DEFAULT-VALUE}).")
    int retentionDays;

    /** @throws UsageException for a URL that is not PostgreSQL's, a missing user, or a retention below a day */
    HistorySettings settings() {
        if (retentionDays < 1) {
            throw new UsageException("--history-retention-days must be at least 1, was " + retentionDays);
        }
        Duration retention = Duration.ofDays(retentionDays);
        if (url != null && url.isBlank()) {
            // An empty Secret or variable must not quietly become a history of this pod's own.
            throw new UsageException("--history-url (or CANARY_COUNCIL_HISTORY_URL) is empty: give "
                    + "jdbc:postgresql://host:5432/database, or leave it unset for the embedded history in --data-dir");
        }
        if (url == null) {
            if (passwordFile != null || (user != null && !user.isBlank())) {
                throw new UsageException("--history-user and --history-password-file go with --history-url");
            }
            return HistorySettings.embedded(dataDir, retention);
        }
        if (user == null || user.isBlank()) {
            throw new UsageException("--history-url needs --history-user (or CANARY_COUNCIL_HISTORY_USER)");
        }
        try {
            return HistorySettings.postgresql(
                    url.strip(),
                    user.strip(),
                    SecretSource.read(passwordFile, "--history-password-file", PASSWORD_ENV),
                    retention);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--history-url: " + e.getMessage());
        }
    }
}
