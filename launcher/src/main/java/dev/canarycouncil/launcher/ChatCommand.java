package dev.canarycouncil.launcher;

import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import dev.canarycouncil.runtime.schema.Verdict;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Investigate a canary in a conversation: the analysis streams its progress, then each line typed
 * is a question to the orchestrator in the analysis's context.
 */
@Command(
        name = "chat",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.RUNTIME,
        description = {
            "Analyse a canary, then ask about it: why, new error templates, compare a metric, suspect code, the issue.",
            "Commands: /help, /verdict, /evidence N, /history, /quit (or end of input)."
        })
final class ChatCommand implements Callable<Integer> {

    @Mixin
    RecordingOption recording;

    @Mixin
    AuthOptions auth;

    @Mixin
    MemberOptions members;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "A running orchestrator instead of a recording, e.g. http://127.0.0.1:8080.")
    String url;

    @Option(
            names = "--namespace",
            paramLabel = "NS",
            description = "The canary's namespace (default: the recording's).")
    String namespace;

    @Option(
            names = "--pod",
            paramLabel = "NAME|HASH",
            description = "A canary pod or its pod-template hash (default: the recording's canary).")
    String pod;

    @Option(
            names = "--deadline",
            defaultValue = "90s",
            converter = DurationConverter.class,
            description = "How long the specialists get for the analysis (default: ${DEFAULT-VALUE}).")
    Duration deadline;

    @Override
    public Integer call() throws Exception {
        if (recording.given() == (url != null)) {
            throw new UsageException("give --recording DIR to chat about a recorded rollout, or --url URL of a running "
                    + "orchestrator with --namespace and --pod");
        }
        PrintStream out = System.out;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Duration timeout =
                deadline.plus(CouncilSettings.defaults().issueDeadline()).plusSeconds(60);
        if (url != null) {
            if (namespace == null || pod == null) {
                throw new UsageException("--url needs --namespace and --pod (the canary to analyse)");
            }
            return converse(url, AnalysisTarget.of(namespace, pod), timeout, auth.secret(), in, out);
        }
        RecordedRollout rollout = recording.load();
        AnalysisTarget target = AnalysisTarget.of(
                namespace != null ? namespace : rollout.manifest().namespace(),
                pod != null ? pod : rollout.manifest().canary().podTemplateHash());
        Vertx vertx = VertxFactory.create(64);
        try (LocalCouncil council = LocalCouncil.start(
                new CouncilAssembly(
                        vertx,
                        "127.0.0.1",
                        A2aServerSettings.defaults(),
                        PresetCatalog.defaultSet(),
                        ModelConfig.none()),
                LocalCouncil.Ports.ephemeral(),
                RecordingOption.backends(rollout),
                CouncilSettings.defaults().withDeadline(deadline),
                IssueWriterConfig.dryRun(null, null),
                members.resolve(Optional.empty()),
                line -> {})) {
            return converse(council.orchestratorUrl(), target, timeout, Optional.empty(), in, out);
        } finally {
            vertx.close();
        }
    }

    private static int converse(
            String orchestratorUrl,
            AnalysisTarget target,
            Duration timeout,
            Optional<AgentSecret> secret,
            BufferedReader in,
            PrintStream out)
            throws Exception {
        List<String> history = new ArrayList<>();
        try (OrchestratorSession session = OrchestratorSession.connect(orchestratorUrl, timeout, secret)) {
            out.println("Analysing " + target.namespace() + "/" + target.podName() + " …");
            // "started" is the A2A task opening; what the agents do is worth a line.
            java.util.function.Consumer<String> show = progress -> {
                if (!"started".equals(progress)) {
                    out.println("  · " + progress);
                }
            };
            Verdict v = session.analyze(target, show);
            out.println();
            out.println(v.decision() + " (confidence " + v.confidence() + "%): " + v.rootCause());
            out.println("Ask about it (/help for what I understand, /quit to leave).");
            while (true) {
                out.print("> ");
                out.flush();
                String line = in.readLine();
                if (line == null || line.strip().equals("/quit") || line.strip().equals("/exit")) {
                    out.println();
                    return ExitCodes.of(v.decision());
                }
                String question = line.strip();
                if (question.isEmpty()) {
                    continue;
                }
                if (question.equals("/history")) {
                    for (int i = 0; i < history.size(); i++) {
                        out.println((i + 1) + "  " + history.get(i));
                    }
                    continue;
                }
                history.add(question);
                try {
                    out.println(session.ask(question, show));
                } catch (UsageException | IllegalStateException e) {
                    out.println("(" + e.getMessage() + ")");
                }
            }
        }
    }
}
