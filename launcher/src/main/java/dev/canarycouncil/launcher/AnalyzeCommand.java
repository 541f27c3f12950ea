package dev.canarycouncil.launcher;

import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.mcp.server.ToolBackends;
import dev.canarycouncil.metrics.config.MetricSetChoice;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.orchestrator.council.IssueScope;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import dev.canarycouncil.runtime.schema.Verdict;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs one analysis with every agent started in this JVM, over real HTTP, and prints the verdict. */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.RUNTIME,
        description = {
            "Analyse one canary and print the verdict with its evidence.",
            "Exit code: 0 promote, 1 rollback, 2 inconclusive, 3 usage error, 4 runtime error."
        })
final class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    ToolSourceOptions tools;

    @Mixin
    MetricsOptions metrics;

    @Mixin
    ModelOptions models;

    @Mixin
    IssueFilingOptions issues;

    @Mixin
    MemberOptions members;

    @Option(
            names = "--pod",
            paramLabel = "NAME|HASH",
            description = "The canary pod or pod-template hash to judge (default: the recording's canary).")
    String pod;

    @Option(names = "--namespace", description = "Namespace of the canary (default: the recording's).")
    String namespace;

    @Option(names = "--hint", paramLabel = "TEXT", description = "An operator hint, e.g. \"ignore colour changes\".")
    String hint;

    @Option(names = "--json", description = "Print the verdict as JSON on stdout.")
    boolean json;

    @Option(
            names = "--deadline",
            defaultValue = "90s",
            converter = DurationConverter.class,
            description = "How long the specialists get (default: ${DEFAULT-VALUE}).")
    Duration deadline;

    @Option(
            names = {"-q", "--quiet"},
            description = "Do not print progress on stderr.")
    boolean quiet;

    @Option(names = "--verbose", description = "Log what every part does on stderr.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        tools.requireAtMostOneSource();
        if (!tools.recording.given() && !tools.cluster.given()) {
            throw new UsageException(
                    "give --recording DIR (a recorded rollout, e.g. evals/recordings/go-panic-index-out-of-range), "
                            + "or a live cluster (--kubeconfig FILE, --in-cluster or --api-url URL) with --namespace and --pod");
        }
        // Before any thread starts: a bad file, recording or URL is a usage error.
        MetricSetChoice metricSet = metrics.metricSet();
        ModelConfig modelConfig = models.config();
        IssueWriterConfig issueConfig = issues.config(tools.code);
        MemberOptions.Resolved plugins = members.resolve(Optional.empty());
        AnalysisTarget target;
        ToolBackends backends;
        String source;
        if (tools.recording.given()) {
            RecordedRollout rollout = tools.recording.load();
            target = AnalysisTarget.of(
                            namespace != null ? namespace : rollout.manifest().namespace(),
                            pod != null ? pod : rollout.manifest().canary().podTemplateHash())
                    .withHints(hint);
            backends = tools.recorded(rollout);
            source = rollout.directory().toString();
            modelConfig = models.forRecording(modelConfig, rollout.directory());
        } else {
            if (namespace == null || pod == null) {
                throw new UsageException("a live analysis needs --namespace NS and --pod NAME|HASH (the canary)");
            }
            target = AnalysisTarget.of(namespace, pod).withHints(hint);
            backends = tools.live(namespace);
            source = backends.description();
            modelConfig = models.forRecording(modelConfig, null);
        }
        PrintStream err = System.err;
        long started = System.nanoTime();
        Vertx vertx = VertxFactory.create(64);
        try (LocalCouncil council = LocalCouncil.start(
                new CouncilAssembly(vertx, "127.0.0.1", A2aServerSettings.defaults(), metricSet, modelConfig),
                LocalCouncil.Ports.ephemeral(),
                backends,
                CouncilSettings.defaults().withDeadline(deadline).withIssueScope(IssueScope.EVERY_ANALYSIS),
                issueConfig,
                plugins,
                line -> {
                    if (verbose) {
                        err.println(line);
                    }
                })) {
            if (!quiet) {
                err.println("Analysing " + target.namespace() + "/" + target.podName() + " from " + source + " …");
            }
            // Room for every stage: the members, the issue writer, and the models' time if any.
            Duration wait = deadline.plus(CouncilSettings.defaults().issueDeadline())
                    .plusSeconds(60)
                    .plus(modelConfig.anyModel() ? modelConfig.reviewTimeout().multipliedBy(2) : Duration.ZERO);
            Verdict verdict = AnalysisClient.analyze(council.orchestratorUrl(), target, wait, message -> {
                if (!quiet) {
                    err.printf(Locale.ROOT, "[%5.1fs] %s%n", (System.nanoTime() - started) / 1e9, message);
                }
            });
            if (json) {
                System.out.println(
                        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(verdict));
            } else {
                VerdictPrinter.print(verdict, System.out);
            }
            System.out.flush();
            return ExitCodes.of(verdict.decision());
        } finally {
            vertx.close();
        }
    }
}
