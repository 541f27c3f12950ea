package dev.canarycouncil.launcher;

import dev.canarycouncil.mcp.kubernetes.live.ClusterConnection;
import dev.canarycouncil.mcp.kubernetes.live.ClusterConnectionException;
import dev.canarycouncil.mcp.kubernetes.live.KubernetesClientFactory;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code secret init}: creates the council's tokens in a Kubernetes Secret if they are not there
 * yet, so a fresh install has authentication on without anyone typing a token (deploy/ runs it as
 * a Job). Existing keys are never overwritten; the tokens are never printed.
 */
@Command(
        name = "secret",
        description = "Create the council's auth tokens in a Kubernetes Secret.",
        subcommands = SecretCommand.Init.class,
        mixinStandardHelpOptions = true)
final class SecretCommand implements Runnable {

    /** The council's own token: every agent demands it and presents it (CANARY_COUNCIL_AUTH_TOKEN). */
    static final String COUNCIL_KEY = "token";
    /** The token that opens the controller endpoints only (CANARY_COUNCIL_GATE_TOKEN). */
    static final String GATE_KEY = "gate-token";

    static final List<String> KEYS = List.of(COUNCIL_KEY, GATE_KEY);

    @Override
    public void run() {
        throw new UsageException("give a subcommand: secret init");
    }

    @Command(
            name = "init",
            description = "Create the Secret with a random council token and gate token, or add the "
                    + "keys it lacks; never overwrite one.",
            mixinStandardHelpOptions = true)
    static final class Init implements Callable<Integer> {

        private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
        private static final SecureRandom RANDOM = new SecureRandom();

        @Option(names = "--namespace", required = true, paramLabel = "NS", description = "The council's namespace.")
        String namespace;

        @Option(
                names = "--name",
                defaultValue = "canary-council-auth",
                paramLabel = "NAME",
                description = "The Secret's name (default: ${DEFAULT-VALUE}).")
        String name;

        @Mixin
        ClusterOptions cluster;

        @Override
        public Integer call() {
            if (!NAME.matcher(name).matches() || !NAME.matcher(namespace).matches()) {
                throw new UsageException("--name and --namespace must be Kubernetes names");
            }
            ClusterConnection connection = cluster.connection(Set.of(namespace));
            try (KubernetesClient client = new KubernetesClientBuilder()
                    .withConfig(new KubernetesClientFactory().config(connection))
                    .build()) {
                Secret existing =
                        client.secrets().inNamespace(namespace).withName(name).get();
                Map<String, String> added = new LinkedHashMap<>();
                for (String key : KEYS) {
                    if (existing == null
                            || existing.getData() == null
                            || blank(existing.getData().get(key))) {
                        added.put(key, Base64.getEncoder().encodeToString(token().getBytes(StandardCharsets.US_ASCII)));
                    }
                }
                if (added.isEmpty()) {
                    System.out.println(
                            "secret " + namespace + "/" + name + " already holds " + KEYS + "; left as it is");
                    return 0;
                }
                if (existing == null) {
                    client.secrets()
                            .inNamespace(namespace)
                            .resource(new SecretBuilder()
                                    .withNewMetadata()
                                    .withName(name)
                                    .withNamespace(namespace)
                                    .addToLabels("app.kubernetes.io/part-of", "canary-council")
                                    .endMetadata()
                                    .withType("Opaque")
                                    .withData(added)
                                    .build())
                            .create();
                } else {
                    client.secrets()
                            .inNamespace(namespace)
                            .withName(name)
                            .edit(s -> new SecretBuilder(s).addToData(added).build());
                }
                System.out.println("secret " + namespace + "/" + name + ": created " + added.keySet()
                        + (existing == null ? "" : " beside the keys it had"));
                return 0;
            } catch (ClusterConnectionException e) {
                throw new UsageException(e.getMessage());
            } catch (KubernetesClientException e) {
                System.err.println("error: cannot create secret " + namespace + "/" + name + ": "
                        + e.getStatus().getMessage() + " (HTTP " + e.getCode() + ")");
                return ExitCodes.RUNTIME;
            }
        }

        /** 256 random bits, URL-safe: fits a header, a file and YAML without quoting. */
        private static String token() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        private static boolean blank(String base64) {
            return base64 == null || base64.isBlank();
        }
    }
}
