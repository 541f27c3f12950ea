package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.mcp.testing.MockCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code secret init} against fabric8's mock API server: what deploy/'s Job does at install. */
class SecretInitTest {

    private static Path kubeconfig(Path dir, MockCluster cluster) throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: %s}}]
                users: [{name: installer, user: {token: mock-installer-token}}]
                contexts: [{name: mock, context: {cluster: mock, user: installer}}]
                current-context: mock
                """.formatted(cluster.apiUrl()));
        return file;
    }

    private static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.US_ASCII);
    }

    @Test
    void createsTwoRandomTokensOnceAndNeverOverwritesOne(@TempDir Path dir) throws Exception {
        try (MockCluster cluster = new MockCluster()) {
            cluster.create(new NamespaceBuilder()
                    .withNewMetadata()
                    .withName("canary-council")
                    .endMetadata()
                    .build());
            String config = kubeconfig(dir, cluster).toString();

            CliRun first = CliRun.of("secret", "init", "--kubeconfig", config, "--namespace", "canary-council");
            assertEquals(0, first.code(), first.err());
            Secret secret = cluster.adminClient()
                    .secrets()
                    .inNamespace("canary-council")
                    .withName("canary-council-auth")
                    .get();
            String council = decoded(secret, SecretCommand.COUNCIL_KEY);
            String gate = decoded(secret, SecretCommand.GATE_KEY);
            assertTrue(council.matches("[A-Za-z0-9_-]{43}"), "256 random bits, URL-safe: " + council.length());
            assertNotEquals(council, gate, "two tokens, not one twice");
            assertFalse(
                    first.out().contains(council)
                            || first.out().contains(gate)
                            || first.err().contains(council),
                    "the tokens are never printed");

            CliRun again = CliRun.of("secret", "init", "--kubeconfig", config, "--namespace", "canary-council");
            assertEquals(0, again.code(), again.err());
            assertTrue(again.out().contains("left as it is"), again.out());
            Secret kept = cluster.adminClient()
                    .secrets()
                    .inNamespace("canary-council")
                    .withName("canary-council-auth")
                    .get();
            assertEquals(
                    council,
                    decoded(kept, SecretCommand.COUNCIL_KEY),
                    "a second run (the Job re-applied) changes nothing");
        }
    }

    @Test
    void addsOnlyTheKeyASecretLacks(@TempDir Path dir) throws Exception {
        try (MockCluster cluster = new MockCluster()) {
            cluster.create(new NamespaceBuilder()
                    .withNewMetadata()
                    .withName("canary-council")
                    .endMetadata()
                    .build());
            String own =
                    Base64.getEncoder().encodeToString("an-operators-own-token".getBytes(StandardCharsets.US_ASCII));
            cluster.create(new SecretBuilder()
                    .withNewMetadata()
                    .withName("canary-council-auth")
                    .withNamespace("canary-council")
                    .endMetadata()
                    .withData(Map.of(SecretCommand.COUNCIL_KEY, own))
                    .build());
            CliRun run = CliRun.of(
                    "secret",
                    "init",
                    "--kubeconfig",
                    kubeconfig(dir, cluster).toString(),
                    "--namespace",
                    "canary-council");
            assertEquals(0, run.code(), run.err());
            Secret secret = cluster.adminClient()
                    .secrets()
                    .inNamespace("canary-council")
                    .withName("canary-council-auth")
                    .get();
            assertEquals("an-operators-own-token", decoded(secret, SecretCommand.COUNCIL_KEY));
            assertEquals(43, decoded(secret, SecretCommand.GATE_KEY).length());
        }
    }

    @Test
    void withoutAClusterItIsAUsageError() {
        CliRun run = CliRun.of("secret", "init", "--namespace", "canary-council");
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.err().contains("--in-cluster"), run.err());
    }
}
