package dev.canarycouncil.orchestrator.members;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.config.ConfigDocuments;
import dev.canarycouncil.runtime.config.DurationText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private static final ConfigDocuments<MembersConfigException> DOCUMENTS =
            new ConfigDocuments<>("members file", MembersConfigException::new);

    /** The file as written. */
    record Document(String refresh, List<Member> members, Discovery discovery) {}

    /** One entry under {@code members}; absent settings are null and take the council's defaults. */
    record Member(String card, Double weight, String timeout, Boolean veto, TokenReference token, Boolean abstain) {}

    record Discovery(Kubernetes kubernetes) {}

    record Kubernetes(List<String> namespaces, String selector) {}

    /** Where a member's token is: {@code {env: VARIABLE}} or {@code {file: PATH}}, never the token itself. */
    record TokenReference(String env, String file) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static TokenReference of(JsonNode node) {
            if (node.isTextual()) {
                // Not quoted back: the text is the secret.
                throw new IllegalArgumentException("token is written in the file; give {env: VARIABLE} or {file: PATH} "
                        + "instead so the secret stays out of config");
            }
            if (!node.isObject() || node.size() != 1 || !(node.has("env") || node.has("file"))) {
                throw new IllegalArgumentException("token must be {env: VARIABLE} or {file: PATH}");
            }
            return new TokenReference(
                    node.has("env") ? node.get("env").asText() : null,
                    node.has("file") ? node.get("file").asText() : null);
        }
    }

    private final Map<String, String> env;

    public MembersFile(Map<String, String> env) {
        this.env = env;
    }

    /** @throws MembersConfigException saying what is wrong and where */
    public MembersConfig load(Path file) {
        Document doc = DOCUMENTS.read(file, Document.class, "with a 'members' list");
        String where = "members file " + file;
        Duration refresh = doc.refresh() == null ? null : duration(doc.refresh(), where + ": refresh");
        List<MemberEntry> members = new ArrayList<>();
        List<Member> listed = doc.members() == null ? List.of() : doc.members();
        for (int i = 0; i < listed.size(); i++) {
            members.add(member(listed.get(i), where + ": members[" + i + "]", file));
        }
        ServiceDiscoverySpec discovery =
                doc.discovery() == null || doc.discovery().kubernetes() == null
                        ? null
                        : new ServiceDiscoverySpec(
                                doc.discovery().kubernetes().namespaces() == null
                                        ? List.of()
                                        : doc.discovery().kubernetes().namespaces(),
                                doc.discovery().kubernetes().selector());
        if (members.isEmpty() && discovery == null) {
            throw new MembersConfigException(where + " names no member and no discovery");
        }
        return new MembersConfig(members, discovery, refresh);
    }

    private MemberEntry member(Member m, String where, Path file) {
        if (m == null) {
            throw new MembersConfigException(where + " must be an object with at least 'card'");
        }
        String card = m.card() == null ? "" : m.card().strip();
        if (card.isEmpty()) {
            throw new MembersConfigException(where + " needs 'card', the agent card's URL");
        }
        if (!card.startsWith("http://") && !card.startsWith("https://")) {
            throw new MembersConfigException(where + ": card '" + card + "' must be an http:// or https:// URL");
        }
        if (m.weight() != null && (m.weight() < 0 || !Double.isFinite(m.weight()))) {
            throw new MembersConfigException(where + ": weight must be a finite number >= 0");
        }
        Duration timeout = m.timeout() == null ? null : duration(m.timeout(), where + ": timeout");
        Optional<AgentSecret> secret =
                m.token() == null ? Optional.empty() : Optional.of(secret(m.token(), where + ": token", file));
        return new MemberEntry(
                card,
                m.weight(),
                timeout,
                m.veto(),
                secret,
                file.getFileName().toString(),
                Optional.empty(),
                m.abstain());
    }

    private AgentSecret secret(TokenReference token, String where, Path file) {
        try {
            if (token.env() != null) {
                return AgentSecret.fromEnv(token.env(), env);
            }
            Path path = Path.of(token.file());
            return AgentSecret.fromFile(
                    path.isAbsolute() ? path : file.toAbsolutePath().getParent().resolve(path));
        } catch (IllegalArgumentException e) {
            throw new MembersConfigException(where + ": " + e.getMessage());
        }
    }

    private static Duration duration(String text, String where) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MembersConfigException(where + ": " + e.getMessage());
        }
    }
}
