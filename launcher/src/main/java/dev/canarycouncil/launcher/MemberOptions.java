package dev.canarycouncil.launcher;

import dev.canarycouncil.orchestrator.members.KubernetesServiceDiscovery;
import dev.canarycouncil.orchestrator.members.MemberEntry;
import dev.canarycouncil.orchestrator.members.MembersConfig;
import dev.canarycouncil.orchestrator.members.MembersConfigException;
import dev.canarycouncil.orchestrator.members.MembersFile;
import dev.canarycouncil.orchestrator.members.TrackRecords;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Who else sits on the council (plug-in agents) and how votes are weighed. */
final class MemberOptions {

    @Option(
            names = "--member",
            paramLabel = "CARD_URL",
            split = ",",
            defaultValue = "${env:CANARY_COUNCIL_MEMBERS}",
            description = "Agent card URL (or base URL) of a council member, repeatable or comma-separated "
                    + "(env CANARY_COUNCIL_MEMBERS). With every part in this JVM these join the built-in agents.")
    List<String> members = new ArrayList<>();

    @Option(
            names = "--members-file",
            paramLabel = "FILE",
            defaultValue = "${env:CANARY_COUNCIL_MEMBERS_FILE}",
            description = "YAML/JSON file of members with weight, timeout, veto, token, and Kubernetes discovery "
                    + "(docs/plugins.md; env CANARY_COUNCIL_MEMBERS_FILE).")
    Path membersFile;

    @Option(
            names = "--track-record",
            paramLabel = "FILE",
            description = "An eval-report.json: weigh each member's votes by how often such votes of it were right "
                    + "instead of its self-reported confidence.")
    Path trackRecord;

    /** The members and weighing given, resolved; errors are usage errors naming the fix. */
    record Resolved(MembersConfig members, TrackRecords trackRecords, KubernetesServiceDiscovery discovery) {

        /** Members by card URL, default settings, weighed by their confidence. */
        static Resolved of(List<String> cardUrls) {
            return new Resolved(MembersConfig.of(cardUrls), TrackRecords.none(), null);
        }
    }

    /**
     * @param councilSecret presented to --member agents whose cards ask for a credential, if any
     */
    Resolved resolve(Optional<AgentSecret> councilSecret) {
        List<MemberEntry> entries = new ArrayList<>();
        for (String url : members) {
            String u = url.strip();
            if (u.isEmpty()) {
                continue;
            }
            if (!u.startsWith("http://") && !u.startsWith("https://")) {
                throw new UsageException("--member '" + u + "' must be an http:// or https:// URL of an agent card");
            }
            entries.add(MemberEntry.of(u, "--member").withSecret(councilSecret));
        }
        MembersConfig config = new MembersConfig(entries, null, null);
        KubernetesServiceDiscovery discovery = null;
        try {
            if (membersFile != null) {
                MembersConfig file = new MembersFile(System.getenv()).load(membersFile);
                config = new MembersConfig(entries, file.discovery(), file.refresh()).plus(file.members());
                if (file.discovery() != null) {
                    // In a pod: the service account; elsewhere: the kubeconfig. Asked lazily, at refresh.
                    discovery = new KubernetesServiceDiscovery(
                            new KubernetesClientBuilder().build(), file.discovery(), System.getenv());
                }
            }
            TrackRecords records = trackRecord == null ? TrackRecords.none() : TrackRecords.load(trackRecord);
            return new Resolved(config, records, discovery);
        } catch (MembersConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
