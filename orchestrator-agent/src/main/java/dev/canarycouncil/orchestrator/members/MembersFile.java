package dev.canarycouncil.orchestrator.members;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.config.DurationText;
import dev.canarycouncil.runtime.json.Json;

/**
 * Reads the council's members from a YAML or JSON file:
 *
 * <pre>
 * refresh: 5m
 * members:
 *   - card: http://db-checker.team-a:8080/.well-known/agent-card.json
 *     weight: 0.5        # default 1
 *     timeout: 20s       # default: the council's deadline
 *     veto: false        # default true
 *     abstain: true      # its INCONCLUSIVE at 0 % is "not my domain" (default false)
 *     token: {env: DB_CHECKER_TOKEN}   # or {file: /var/run/secrets/db-checker/token}
 * discovery:
 *   kubernetes:
 *     namespaces: [team-a, team-b]      # default: every namespace the orchestrator may list
 *     selector: canary-council.dev/member=true
 * </pre>
 *
 * Mistakes are errors that name the field: an unknown key, a bad duration, or a secret written
 * in the file itself (files like this end up in ConfigMaps and repositories).
 */
public final class MembersFile {

    private static final Set<String> TOP = Set.of("refresh", "members", "discovery");
    private static final Set<String> MEMBER = Set.of("card", "weight", "timeout", "veto", "token", "abstain");
    private static final Set<String> KUBERNETES = Set.of("namespaces", "selector");

    private final Map<String, String> env;

    public MembersFile(Map<String, String> env) {
        this.env = env;
    }

    /** @throws MembersConfigException saying what is wrong and where */
    public MembersConfig load(Path file) {
        JsonNode root;
        try {
            root = Json.configYaml().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new MembersConfigException("members file " + file + " does not exist");
        } catch (IOException e) {
            throw new MembersConfigException("members file " + file + " is not valid YAML or JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new MembersConfigException("members file " + file + " must be a YAML or JSON object with a 'members' list");
        }
        String where = "members file " + file;
        unknownKeys(root, TOP, where);
        Duration refresh = root.has("refresh") ? duration(root.get("refresh"), where + ": refresh") : null;
        List<MemberEntry> members = new ArrayList<>();
        JsonNode list = root.path("members");
        if (!list.isMissingNode() && !list.isArray()) {
            throw new MembersConfigException(where + ": 'members' must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
            members.add(member(list.get(i), where + ": members[" + i + "]", file));
        }
        ServiceDiscoverySpec discovery = discovery(root.path("discovery"), where + ": discovery");
        if (members.isEmpty() && discovery == null) {
            throw new MembersConfigException(where + " names no member and no discovery");
        }
        return new MembersConfig(members, discovery, refresh);
    }

    private MemberEntry member(JsonNode node, String where, Path file) {
        if (!node.isObject()) {
            throw new MembersConfigException(where + " must be an object with at least 'card'");
        }
        unknownKeys(node, MEMBER, where);
        String card = node.path("card").asText("").strip();
        if (card.isEmpty()) {
            throw new MembersConfigException(where + " needs 'card', the agent card's URL");
        }
        if (!card.startsWith("http://") && !card.startsWith("https://")) {
            throw new MembersConfigException(where + ": card '" + card + "' must be an http:// or https:// URL");
        }
        Double weight = null;
        if (node.has("weight")) {
            if (!node.get("weight").isNumber() || node.get("weight").asDouble() < 0 || !Double.isFinite(node.get("weight").asDouble())) {
                throw new MembersConfigException(where + ": weight must be a finite number >= 0");
            }
            weight = node.get("weight").asDouble();
        }
        Duration timeout = node.has("timeout") ? duration(node.get("timeout"), where + ": timeout") : null;
        Boolean veto = null;
        if (node.has("veto")) {
            if (!node.get("veto").isBoolean()) {
                throw new MembersConfigException(where + ": veto must be true or false");
            }
            veto = node.get("veto").asBoolean();
        }
        AgentSecret secret = node.has("token") ? secret(node.get("token"), where + ": token", file) : null;
        Boolean abstain = null;
        if (node.has("abstain")) {
            if (!node.get("abstain").isBoolean()) {
                throw new MembersConfigException(where + ": abstain must be true or false");
            }
            abstain = node.get("abstain").asBoolean();
        }
        return new MemberEntry(card, weight, timeout, veto, secret, file.getFileName().toString(), null, abstain);
    }

    private AgentSecret secret(JsonNode node, String where, Path file) {
        if (node.isTextual()) {
            throw new MembersConfigException(where + " is written in the file; give {env: VARIABLE} or {file: PATH} "
                    + "instead so the secret stays out of config");
        }
        if (!node.isObject() || node.size() != 1 || !(node.has("env") || node.has("file"))) {
            throw new MembersConfigException(where + " must be {env: VARIABLE} or {file: PATH}");
        }
        try {
            if (node.has("env")) {
                return AgentSecret.fromEnv(node.get("env").asText(), env);
            }
            Path path = Path.of(node.get("file").asText());
            return AgentSecret.fromFile(path.isAbsolute() ? path : file.toAbsolutePath().getParent().resolve(path));
        } catch (IllegalArgumentException e) {
            throw new MembersConfigException(where + ": " + e.getMessage());
        }
    }

    private static ServiceDiscoverySpec discovery(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        unknownKeys(node, Set.of("kubernetes"), where);
        JsonNode k8s = node.path("kubernetes");
        if (k8s.isMissingNode()) {
            return null;
        }
        unknownKeys(k8s, KUBERNETES, where + ".kubernetes");
        List<String> namespaces = new ArrayList<>();
        JsonNode ns = k8s.path("namespaces");
        if (!ns.isMissingNode()) {
            if (!ns.isArray()) {
                throw new MembersConfigException(where + ".kubernetes.namespaces must be a list");
            }
            ns.forEach(n -> namespaces.add(n.asText()));
        }
        return new ServiceDiscoverySpec(namespaces, k8s.path("selector").asText(null));
    }

    private static Duration duration(JsonNode node, String where) {
        try {
            return DurationText.parse(node.asText());
        } catch (IllegalArgumentException e) {
            throw new MembersConfigException(where + ": " + e.getMessage());
        }
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String where) {
        if (!node.isObject()) {
            throw new MembersConfigException(where + " must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new MembersConfigException(where + ": unknown field '" + name + "'; known: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }
}
