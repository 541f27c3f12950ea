package dev.canarycouncil.launcher;

import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.mcp.server.ToolBackends;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.orchestrator.members.MemberEntry;
import dev.canarycouncil.orchestrator.members.MembersConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every part of the council in this JVM, each on its own port and talking to the others over
 * HTTP exactly as separate processes would.
 */
final class LocalCouncil implements AutoCloseable {

    /** Ports for each part; 0 picks a free port. */
    record Ports(int orchestrator, int logAnalyst, int metricsAgent, int issueWriter, int mcpTools) {

        static Ports ephemeral() {
            return new Ports(0, 0, 0, 0, 0);
        }

        static Ports from(int base) {
            return base == 0 ? ephemeral() : new Ports(base, base + 1, base + 2, base + 3, base + 10);
        }
    }

    private final List<StartedPart> parts;

    private LocalCouncil(List<StartedPart> parts) {
        this.parts = parts;
    }

    static LocalCouncil start(
            CouncilAssembly assembly,
            Ports ports,
            ToolBackends backends,
            CouncilSettings council,
            IssueWriterConfig issues,
            Consumer<String> announce) {
        return start(assembly, ports, backends, council, issues, MemberOptions.Resolved.of(List.of()), announce);
    }

    /** @param plugins members to seat beside the built-in agents, and how votes are weighed */
    static LocalCouncil start(
            CouncilAssembly assembly,
            Ports ports,
            ToolBackends backends,
            CouncilSettings council,
            IssueWriterConfig issues,
            MemberOptions.Resolved plugins,
            Consumer<String> announce) {
        List<StartedPart> parts = new ArrayList<>();
        try {
            StartedPart mcp = add(parts, assembly.mcpTools(ports.mcpTools(), backends), announce);
            String mcpUrl = mcp.url() + "/mcp";
            StartedPart logs = add(parts, assembly.logAnalyst(ports.logAnalyst(), null, mcpUrl), announce);
            StartedPart metrics = add(parts, assembly.metricsAgent(ports.metricsAgent(), null, mcpUrl), announce);
            StartedPart writer = add(parts, assembly.issueWriter(ports.issueWriter(), null, issues, mcpUrl), announce);
            List<MemberEntry> builtIn = new ArrayList<>();
            for (StartedPart p : List.of(logs, metrics, writer)) {
                builtIn.add(MemberEntry.of(p.cardUrl(), "built-in").withSecret(assembly.secret()));
            }
            MembersConfig all = new MembersConfig(
                            builtIn,
                            plugins.members().discovery(),
                            plugins.members().refresh())
                    .plus(plugins.members().members());
            add(
                    parts,
                    assembly.orchestrator(
                            ports.orchestrator(),
                            null,
                            mcpUrl,
                            new MemberOptions.Resolved(all, plugins.trackRecords(), plugins.discovery()),
                            council),
                    announce);
            return new LocalCouncil(parts);
        } catch (RuntimeException e) {
            new LocalCouncil(parts).close();
            throw e;
        }
    }

    private static StartedPart add(List<StartedPart> parts, StartedPart part, Consumer<String> announce) {
        parts.add(part);
        announce.accept(part.announcement());
        return part;
    }

    StartedPart part(String name) {
        return parts.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part " + name));
    }

    String orchestratorUrl() {
        return part("orchestrator").url();
    }

    @Override
    public void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).close();
        }
    }
}
