package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.canarycouncil.issuewriter.IssueWriterService;
import dev.canarycouncil.loganalyst.LogAnalyst;
import dev.canarycouncil.mcp.server.McpToolServer;
import dev.canarycouncil.metrics.MetricsAgent;
import dev.canarycouncil.metrics.config.MetricSetException;
import dev.canarycouncil.metrics.config.MetricSetLoader;
import dev.canarycouncil.orchestrator.OrchestratorService;
import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;
import dev.canarycouncil.runtime.llm.ModelConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Checks the Kubernetes manifests under {@code deploy/} for what would break silently in a
 * cluster: an option the jar does not have, ports or URLs that do not meet, a file a kustomization
 * forgets, RBAC wider than read-only, a committed secret, an AnalysisTemplate aimed at the wrong
 * Service, a container that is not locked down.
 *
 * <p>The kustomizations are rendered by a small emulation of kustomize (resources, patches,
 * namespace, images: all that deploy/ uses; anything else fails the test so that it gets taught).
 * Where {@code kubectl} or {@code kustomize} is installed, {@link #kustomizeRendersWhatThisTestChecks}
 * compares the emulation with the real thing.
 */
class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
    private static final YAMLMapper YAML = new YAMLMapper();

    private static final String JAR = "/app/canary-council.jar";
    private static final String HEAP_FLAG = "-XX:MaxRAMPercentage=75";
    private static final String PLUGIN = "argoproj-labs/metric-ai";
    private static final String MCP_TOOLS = CouncilAssembly.MCP_TOOLS;
    private static final String ORCHESTRATOR = OrchestratorService.NAME;
    private static final Set<String> MEMBERS = Set.of(LogAnalyst.NAME, MetricsAgent.NAME, IssueWriterService.NAME);
    private static final String NAMESPACES_ENV = "CANARY_COUNCIL_NAMESPACES";
    private static final String AUTH_INIT = "canary-council-auth-init";
    /** Lists Kubernetes declares without a patch merge key, so a patch replaces them whole (NetworkPolicySpec's). */
    private static final Set<String> REPLACED_LISTS = Set.of("ingress", "egress");

    /** What the MCP tools may do, and all they may do: group/resource to verbs. */
    private static final Map<String, Set<String>> TOOL_RULES = new TreeMap<>(Map.of(
            "/pods", new TreeSet<>(Set.of("get", "list", "watch")),
            "/pods/log", new TreeSet<>(Set.of("get")),
            "/events", new TreeSet<>(Set.of("get", "list", "watch")),
            "apps/replicasets", new TreeSet<>(Set.of("get", "list", "watch")),
            "apps/deployments", new TreeSet<>(Set.of("get")),
            "argoproj.io/rollouts", new TreeSet<>(Set.of("get", "list", "watch")),
            "flagger.app/canaries", new TreeSet<>(Set.of("get"))));

    private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");

    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace",
            "ClusterRole",
            "ClusterRoleBinding",
            "CustomResourceDefinition",
            "PersistentVolume",
            "StorageClass",
            "PriorityClass",
            "IngressClass",
            "ValidatingWebhookConfiguration",
            "MutatingWebhookConfiguration",
            "APIService",
            "ClusterAnalysisTemplate");
    private static final Set<String> KUSTOMIZATION_FIELDS =
            Set.of("apiVersion", "kind", "namespace", "resources", "patches", "images");
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)(?::-[^}]*)?}");
    private static final Pattern ARG_REF = Pattern.compile("\\{\\{\\s*args\\.([A-Za-z0-9_.-]+)\\s*}}");

    // ------------------------------------------------------------------------------------------
    // the checks

    @Test
    void everyYamlUnderDeployParsesAndNamesItsKind() {
        List<String> problems = new ArrayList<>();
        List<Path> files = yamlFiles(DEPLOY);
        assertTrue(!files.isEmpty(), "no YAML under " + DEPLOY);
        for (Path file : files) {
            try {
                List<JsonNode> docs = readDocs(file);
                if (docs.isEmpty()) {
                    problems.add(rel(file) + ": no YAML document");
                }
                for (JsonNode doc : docs) {
                    if (!doc.isObject()
                            || text(doc, "apiVersion").isEmpty()
                            || text(doc, "kind").isEmpty()) {
                        problems.add(rel(file) + ": a document without apiVersion and kind");
                    }
                }
            } catch (UncheckedIOException e) {
                problems.add(rel(file) + ": not valid YAML: "
                        + e.getCause().getMessage().lines().findFirst().orElse(""));
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void kustomizationsListExistingFilesAndEveryYamlBesideThem() {
        List<String> problems = new ArrayList<>();
        List<Path> dirs = kustomizationDirs();
        assertTrue(dirs.contains(DEPLOY.resolve("base")), "deploy/base has no kustomization.yaml");
        for (Path dir : dirs) {
            JsonNode k = readDocs(dir.resolve("kustomization.yaml")).get(0);
            Set<Path> referenced = new TreeSet<>();
            for (String entry : strings(k.path("resources"))) {
                Path p = dir.resolve(entry).normalize();
                if (entry.contains("://")) {
                    problems.add(rel(dir) + ": remote resource " + entry + " (keep deploy/ self-contained)");
                } else if (Files.isDirectory(p)) {
                    if (!Files.isRegularFile(p.resolve("kustomization.yaml"))) {
                        problems.add(rel(dir) + ": resource " + entry + " is a folder without kustomization.yaml");
                    }
                } else if (Files.isRegularFile(p)) {
                    referenced.add(p);
                } else {
                    problems.add(rel(dir) + ": resource " + entry + " does not exist");
                }
            }
            for (JsonNode patch : k.path("patches")) {
                String path = text(patch, "path");
                if (path.isEmpty()) {
                    continue; // inline patches: reported by the renderer
                }
                Path p = dir.resolve(path).normalize();
                if (Files.isRegularFile(p)) {
                    referenced.add(p);
                } else {
                    problems.add(rel(dir) + ": patch " + path + " does not exist");
                }
            }
            for (Path file : yamlFilesIn(dir)) {
                if (!file.getFileName().toString().startsWith("kustomization.") && !referenced.contains(file)) {
                    problems.add(rel(file) + " is beside " + rel(dir.resolve("kustomization.yaml"))
                            + " but not listed in it: kustomize would silently leave it out");
                }
            }
            problems.addAll(build(dir).problems());
        }
        assertNoProblems(problems);
    }

    @Test
    void containerArgsParseWithTheJarsOwnCommandLine() {
        List<String> problems = new ArrayList<>();
        Map<String, String> envToOption = envToOption();
        for (Build build : deployBuilds()) {
            for (Part part : parts(build, problems)) {
                List<String> effective = new ArrayList<>(part.args());
                for (Map.Entry<String, String> e : part.env().entrySet()) {
                    String option = envToOption.get(e.getKey());
                    if (option != null
                            && !e.getValue().isBlank()
                            && optionValue(part.args(), option).isEmpty()) {
                        effective.add(option);
                        effective.add(e.getValue());
                    }
                }
                try {
                    CommandLine.ParseResult result =
                            new CommandLine(new Main()).parseArgs(effective.toArray(String[]::new));
                    CommandLine.ParseResult serve = result.subcommand();
                    if (serve == null || !serve.commandSpec().name().equals("serve")) {
                        problems.add(part + ": does not run `serve`: " + part.args());
                        continue;
                    }
                    // The other checks read options off the tokens; make sure picocli reads the same.
                    for (String option : List.of("--agent", "--port", "--public-url", "--mcp-url")) {
                        Object parsed = serve.matchedOptionValue(option, null);
                        Optional<String> token = optionValue(effective, option);
                        if (!Objects.equals(parsed == null ? null : parsed.toString(), token.orElse(null))) {
                            problems.add(part + ": " + option + " reads as " + token.orElse(null) + " here but "
                                    + parsed + " in the jar");
                        }
                    }
                } catch (CommandLine.ParameterException e) {
                    problems.add(part + ": the jar rejects its arguments " + effective + ": " + e.getMessage());
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyCouncilEnvironmentVariableIsOneTheJarReads() {
        List<String> problems = new ArrayList<>();
        Map<String, String> envToOption = envToOption();
        Set<String> readDirectly = Set.of(
                PrometheusOption.TOKEN_ENV,
                ModelConfigLoader.KEY_ENV,
                CodeOptions.TOKEN_ENV,
                AuthOptions.TOKEN_ENV,
                GateOptions.GATE_TOKEN_ENV,
                HistoryOptions.PASSWORD_ENV);
        for (Build build : deployBuilds()) {
            for (Part part : parts(build, problems)) {
                for (String name : part.env().keySet()) {
                    if (name.startsWith("CANARY_COUNCIL_")
                            && !envToOption.containsKey(name)
                            && !readDirectly.contains(name)) {
                        problems.add(part + ": sets " + name + ", which no `serve` option reads (options take their "
                                + "environment as ${env:NAME} defaults: " + envToOption + ")");
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyPartRunsOnceAndItsPortsAgree() {
        List<String> problems = new ArrayList<>();
        for (Build build : deployBuilds()) {
            List<Part> parts = parts(build, problems);
            List<String> agents = parts.stream().map(Part::agent).sorted().toList();
            List<String> expected =
                    CouncilAssembly.AGENT_NAMES.stream().sorted().toList();
            if (!agents.equals(expected)) {
                problems.add(build + ": parts " + agents + ", expected each of " + expected + " once");
            }
            for (Part part : parts) {
                Optional<Integer> port = optionValue(part.args(), "--port").map(DeployManifestsTest::integer);
                if (port.isEmpty() || port.get() <= 0) {
                    problems.add(part + ": no explicit --port (the jar's default 8080 would clash silently)");
                    continue;
                }
                if (!"0.0.0.0".equals(optionValue(part.args(), "--host").orElse(null))) {
                    problems.add(
                            part + ": --host must be 0.0.0.0 (the default 127.0.0.1 is unreachable from the Service)");
                }
                List<Integer> containerPorts = new ArrayList<>();
                part.container()
                        .path("ports")
                        .forEach(p -> containerPorts.add(p.path("containerPort").asInt()));
                // The orchestrator's controller endpoints may have their own port (--gate-port).
                Optional<Integer> gate = optionValue(part.args(), "--gate-port").map(DeployManifestsTest::integer);
                List<Integer> served = new ArrayList<>(List.of(port.get()));
                gate.ifPresent(served::add);
                if (gate.isPresent() && !part.agent().equals(ORCHESTRATOR)) {
                    problems.add(part + ": --gate-port is the orchestrator's");
                }
                if (!containerPorts.equals(served)) {
                    problems.add(part + ": serves " + served + " (--port, --gate-port) but container ports "
                            + containerPorts);
                }
                List<ObjectNode> services = servicesFor(build, part.deployment());
                if (services.size() != 1) {
                    problems.add(part + ": " + services.size() + " Services select it, expected one");
                }
                for (ObjectNode service : services) {
                    for (JsonNode sp : service.path("spec").path("ports")) {
                        Integer target = resolvePort(
                                part.container(),
                                sp.path("targetPort").isMissingNode() ? sp.path("port") : sp.path("targetPort"));
                        if (!served.contains(target)) {
                            problems.add(part + ": Service " + name(service) + " port "
                                    + sp.path("port").asText() + " targets " + target
                                    + ", which is neither --port nor --gate-port " + served);
                        }
                    }
                }
                checkProbes(part, port.get(), problems);
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void urlsBetweenPartsNameServicesAndPortsThatExist() {
        List<String> problems = new ArrayList<>();
        for (Build build : deployBuilds()) {
            for (Part part : parts(build, problems)) {
                Optional<String> publicUrl = optionValue(part.args(), "--public-url");
                if (publicUrl.isPresent()) {
                    checkServiceUrl(build, part, "--public-url", publicUrl.get(), Set.of(part.agent()), "", problems);
                } else if (!part.agent().equals(MCP_TOOLS)) {
                    problems.add(part + ": no --public-url: its agent card would name http://0.0.0.0:PORT");
                }
                Optional<String> mcpUrl = valueOf(part, "--mcp-url", "CANARY_COUNCIL_MCP_URL");
                if (mcpUrl.isPresent()) {
                    checkServiceUrl(
                            build, part, "--mcp-url", mcpUrl.get(), Set.of(MCP_TOOLS), McpToolServer.PATH, problems);
                } else if (Set.of(ORCHESTRATOR, LogAnalyst.NAME, MetricsAgent.NAME)
                        .contains(part.agent())) {
                    problems.add(part + ": needs --mcp-url (or CANARY_COUNCIL_MCP_URL)");
                }
                List<String> members = valueOf(part, "--member", "CANARY_COUNCIL_MEMBERS").stream()
                        .flatMap(v -> Stream.of(v.split(",")))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
                if (part.agent().equals(ORCHESTRATOR)) {
                    Set<String> found = new TreeSet<>();
                    for (String member : members) {
                        String agent = checkServiceUrl(
                                build, part, "--member", member, MEMBERS, A2aAgentServer.CARD_PATH, problems);
                        if (agent != null && !found.add(agent)) {
                            problems.add(part + ": member " + agent + " is listed twice");
                        }
                    }
                    if (!found.equals(new TreeSet<>(MEMBERS))) {
                        problems.add(part + ": members " + found + ", expected " + new TreeSet<>(MEMBERS));
                    }
                } else if (!members.isEmpty()) {
                    problems.add(part + ": only the orchestrator has members");
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void filesThePartsReadAreMountedAndTheMetricSetLoads() {
        List<String> problems = new ArrayList<>();
        for (Build build : deployBuilds()) {
            for (Part part : parts(build, problems)) {
                Optional<String> metrics = valueOf(part, "--metrics-config", "CANARY_COUNCIL_METRICS_CONFIG");
                if (part.agent().equals(MetricsAgent.NAME) && metrics.isEmpty()) {
                    problems.add(part + ": no --metrics-config: the built-in metric set would be used");
                }
                metrics.ifPresent(file -> {
                    Optional<String> text = mountedConfigMapFile(build, part, file, problems);
                    text.ifPresent(t -> {
                        try {
                            MetricSetLoader.parse(t, part + " " + file);
                        } catch (MetricSetException e) {
                            problems.add(part + ": the metric set in " + file + " does not load: " + e.getMessage());
                        }
                    });
                });
                for (String option : List.of("--issue-dir", "--data-dir")) {
                    optionValue(part.args(), option).ifPresent(dir -> {
                        Optional<JsonNode> mount = mountHolding(part.container(), dir);
                        Optional<JsonNode> volume = mount.flatMap(m -> volume(part.deployment(), text(m, "name")));
                        if (volume.isEmpty()
                                || !(volume.get().has("emptyDir")
                                        || volume.get().has("persistentVolumeClaim"))
                                || mount.get().path("readOnly").asBoolean(false)) {
                            problems.add(part + ": " + option + " " + dir + " is not on a writable volume "
                                    + "(the root filesystem is read-only)");
                        }
                    });
                }
                if (part.agent().equals("orchestrator")
                        && optionValue(part.args(), "--data-dir").isEmpty()
                        && valueOf(part, "--history-url", "CANARY_COUNCIL_HISTORY_URL")
                                .isEmpty()
                        && !part.env().containsKey("CANARY_COUNCIL_HISTORY_URL")) {
                    problems.add(part + ": neither --data-dir nor a history URL: the embedded history would be "
                            + "written under a read-only home directory");
                }
            }
        }
        assertNoProblems(problems);
    }

    /**
     * A node drain or a restart during a rollout must leave the controllers a gate: two orchestrators
     * on different nodes, a PodDisruptionBudget that keeps one, and one history both share.
     */
    @Test
    void theOrchestratorOutlivesADrainWithTwoReplicasAndOneSharedHistory() {
        List<String> problems = new ArrayList<>();
        for (Build build : deployBuilds()) {
            for (Part part : parts(build, problems)) {
                if (!part.agent().equals("orchestrator")) {
                    continue;
                }
                int replicas = part.deployment().path("spec").path("replicas").asInt(1);
                if (replicas < 2) {
                    problems.add(part + ": " + replicas + " replica(s); a drain would leave the controllers no gate");
                }
                Map<String, String> podLabels =
                        labelsOf(part.deployment().path("spec").path("template"));
                List<ObjectNode> budgets = ofKind(build.resources(), "PodDisruptionBudget").stream()
                        .filter(b -> selects(b.path("spec").path("selector"), podLabels))
                        .toList();
                if (budgets.size() != 1) {
                    problems.add(part + ": " + budgets.size() + " PodDisruptionBudget(s) select its pods, not 1");
                } else {
                    JsonNode spec = budgets.get(0).path("spec");
                    int kept = spec.has("minAvailable")
                            ? spec.path("minAvailable").asInt()
                            : replicas - spec.path("maxUnavailable").asInt(replicas);
                    if (kept < 1 || kept >= replicas) {
                        problems.add(part + ": the PodDisruptionBudget keeps " + kept + " of " + replicas
                                + " replicas; it must keep one and let one go");
                    }
                }
                boolean spread = false;
                for (JsonNode c : part.pod().path("topologySpreadConstraints")) {
                    spread |= "kubernetes.io/hostname".equals(text(c, "topologyKey"))
                            && selects(c.path("labelSelector"), podLabels);
                }
                if (!spread) {
                    problems.add(part + ": nothing spreads its replicas over nodes");
                }
                JsonNode url = null;
                for (JsonNode e : part.container().path("env")) {
                    if ("CANARY_COUNCIL_HISTORY_URL".equals(text(e, "name"))) {
                        url = e;
                    }
                }
                if (url == null
                        || !url.path("valueFrom").has("secretKeyRef")
                        || url.path("valueFrom")
                                .path("secretKeyRef")
                                .path("optional")
                                .asBoolean(false)) {
                    problems.add(part + ": the history URL must come from a Secret, not optional: replicas with "
                            + "histories of their own would each show half of the analyses");
                }
                if (optionValue(part.args(), "--data-dir").isPresent()) {
                    problems.add(part + ": --data-dir keeps a history per pod");
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void rbacIsReadOnlyExactlyTheToolsNeedsAndOnlyPerNamespace() {
        List<String> problems = new ArrayList<>();
        for (Build build : deployBuilds()) {
            List<ObjectNode> roles = ofKind(build.resources(), "ClusterRole");
            roles.addAll(ofKind(build.resources(), "Role"));
            checkAuthInit(build, roles, problems);
            roles.removeIf(r -> name(r).equals(AUTH_INIT));
            if (roles.size() != 1) {
                problems.add(build + ": " + roles.size()
                        + " Roles/ClusterRoles besides auth-init's, expected the tools' one");
            }
            for (ObjectNode role : roles) {
                Map<String, Set<String>> rules = rules(role, build + " " + kindName(role), problems);
                if (!rules.equals(TOOL_RULES)) {
                    problems.add(build + " " + kindName(role) + ": rules " + new TreeMap<>(rules)
                            + ", expected exactly " + TOOL_RULES);
                }
            }
            for (ObjectNode crb : ofKind(build.resources(), "ClusterRoleBinding")) {
                problems.add(build + ": " + kindName(crb) + " would grant the tools every namespace; bind the "
                        + "ClusterRole with a RoleBinding per watched namespace");
            }
            List<Part> parts = parts(build, problems);
            Optional<Part> tools =
                    parts.stream().filter(p -> p.agent().equals(MCP_TOOLS)).findFirst();
            String toolsSa = tools.map(p -> text(p.pod(), "serviceAccountName")).orElse("");
            String toolsNs = tools.map(p -> namespace(p.deployment())).orElse("");
            Set<String> bound = new TreeSet<>();
            for (ObjectNode binding : ofKind(build.resources(), "RoleBinding")) {
                JsonNode ref = binding.path("roleRef");
                if (text(ref, "name").equals(AUTH_INIT)) {
                    continue; // checked by checkAuthInit
                }
                boolean toToolsRole = roles.stream()
                        .anyMatch(r -> text(r, "kind").equals(text(ref, "kind")) && name(r).equals(text(ref, "name")));
                if (!toToolsRole) {
                    problems.add(build + " " + kindName(binding) + ": binds " + text(ref, "kind") + " "
                            + text(ref, "name") + ", which is not in the manifests");
                }
                List<String> subjects = new ArrayList<>();
                binding.path("subjects")
                        .forEach(s ->
                                subjects.add(text(s, "kind") + " " + text(s, "namespace") + "/" + text(s, "name")));
                if (!subjects.equals(List.of("ServiceAccount " + toolsNs + "/" + toolsSa))) {
                    problems.add(build + " " + kindName(binding) + " in " + namespace(binding) + ": subjects "
                            + subjects + ", expected only the mcp-tools service account " + toolsNs + "/" + toolsSa);
                }
                bound.add(namespace(binding));
            }
            if (toolsSa.isEmpty()
                    || ofKind(build.resources(), "ServiceAccount").stream()
                            .noneMatch(sa ->
                                    name(sa).equals(toolsSa) && namespace(sa).equals(toolsNs))) {
                problems.add(
                        build + ": mcp-tools runs as service account '" + toolsSa + "', which is not in the manifests");
            }
            Set<String> watched = tools.map(p -> csv(p.env().getOrDefault(NAMESPACES_ENV, "")))
                    .orElse(Set.of());
            if (!watched.equals(bound)) {
                problems.add(build + ": " + NAMESPACES_ENV + " is " + watched + " but the tools are bound to read "
                        + bound + " (a namespace missing on one side is silently unreadable or unguarded)");
            }
            for (Part part : parts) {
                boolean automount = automountsToken(build, part);
                String sa = text(part.pod(), "serviceAccountName");
                if (part.agent().equals(MCP_TOOLS) && !automount) {
                    problems.add(part + ": gets no service account token, which --in-cluster needs");
                } else if (!part.agent().equals(MCP_TOOLS) && automount) {
                    problems.add(part + ": gets a service account token; only mcp-tools needs one "
                            + "(set automountServiceAccountToken: false)");
                }
                if (!part.agent().equals(MCP_TOOLS) && sa.equals(toolsSa) && !sa.isEmpty()) {
                    problems.add(part + ": runs as the tools' service account " + sa);
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void noSecretHoldsAValue() {
        List<String> problems = new ArrayList<>();
        for (Path file : yamlFiles(DEPLOY)) {
            for (JsonNode doc : readDocs(file)) {
                if (text(doc, "kind").equals("Secret")) {
                    for (String field : List.of("data", "stringData")) {
                        doc.path(field).properties().forEach(e -> {
                            if (!e.getValue().isNull() && !e.getValue().asText().isEmpty()) {
                                problems.add(rel(file) + ": Secret " + name(doc) + " has a value for " + field + "."
                                        + e.getKey());
                            }
                        });
                    }
                }
                if (text(doc, "kind").equals("Kustomization")) {
                    for (JsonNode generator : doc.path("secretGenerator")) {
                        for (String literal : strings(generator.path("literals"))) {
                            if (!literal.endsWith("=")) {
                                problems.add(rel(file) + ": secretGenerator literal " + literal.split("=", 2)[0]
                                        + " has a value");
                            }
                        }
                        if (generator.has("files") || generator.has("envs")) {
                            problems.add(rel(file) + ": secretGenerator reads files; keep secret files out of deploy/");
                        }
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void containersAreLockedDown() {
        List<String> problems = new ArrayList<>();
        Optional<Integer> imageUser = dockerfileUser();
        for (Build build : deployBuilds()) {
            for (ObjectNode deployment : ofKind(build.resources(), "Deployment")) {
                JsonNode pod = deployment.path("spec").path("template").path("spec");
                JsonNode podSecurity = pod.path("securityContext");
                String where = build + " " + kindName(deployment);
                for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                    if (pod.path(host).asBoolean(false)) {
                        problems.add(where + ": " + host);
                    }
                }
                if (pod.path("enableServiceLinks").asBoolean(true)) {
                    problems.add(where + ": enableServiceLinks is not false (Service links would put "
                            + "CANARY_COUNCIL_*_PORT variables beside the jar's own)");
                }
                List<JsonNode> containers = new ArrayList<>();
                pod.path("initContainers").forEach(containers::add);
                pod.path("containers").forEach(containers::add);
                for (JsonNode c : containers) {
                    String cw = where + " container " + text(c, "name");
                    JsonNode sc = c.path("securityContext");
                    if (!bool(sc, podSecurity, "runAsNonRoot")) {
                        problems.add(cw + ": runAsNonRoot is not true");
                    }
                    JsonNode user = sc.has("runAsUser") ? sc.path("runAsUser") : podSecurity.path("runAsUser");
                    if (user.isMissingNode() || user.asInt() == 0) {
                        problems.add(cw + ": no non-zero runAsUser");
                    } else if (imageUser.isPresent() && user.asInt() != imageUser.get()) {
                        problems.add(
                                cw + ": runAsUser " + user.asInt() + " but the image's USER is " + imageUser.get());
                    }
                    if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                        problems.add(cw + ": readOnlyRootFilesystem is not true");
                    }
                    if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                        problems.add(cw + ": allowPrivilegeEscalation is not false");
                    }
                    if (sc.path("privileged").asBoolean(false)) {
                        problems.add(cw + ": privileged");
                    }
                    if (!strings(sc.path("capabilities").path("drop")).contains("ALL")) {
                        problems.add(cw + ": capabilities do not drop ALL");
                    }
                    if (!sc.path("capabilities").path("add").isMissingNode()) {
                        problems.add(cw + ": adds capabilities");
                    }
                    String seccomp = text(sc.has("seccompProfile") ? sc : podSecurity, "seccompProfile", "type");
                    if (!seccomp.equals("RuntimeDefault")) {
                        problems.add(cw + ": seccompProfile is '" + seccomp + "', not RuntimeDefault");
                    }
                    Optional<JsonNode> tmp = mountHolding(c, "/tmp")
                            .filter(m -> text(m, "mountPath").equals("/tmp"));
                    if (tmp.flatMap(m -> volume(deployment, text(m, "name")))
                            .filter(v -> v.has("emptyDir"))
                            .isEmpty()) {
                        problems.add(cw + ": /tmp is not an emptyDir (the JVM and Vert.x write there)");
                    }
                    for (String kind : List.of("requests", "limits")) {
                        for (String resource : List.of("cpu", "memory")) {
                            if (text(c.path("resources").path(kind), resource).isEmpty()) {
                                problems.add(cw + ": no resources." + kind + "." + resource);
                            }
                        }
                    }
                    List<String> command = strings(c.path("command"));
                    if (!command.contains(HEAP_FLAG) && !command.contains(HEAP_FLAG + ".0")) {
                        problems.add(cw + ": the command does not size the heap with " + HEAP_FLAG);
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void imageOverridesMatchTheBaseImageAndTheDockerfileBuildsIt() {
        List<String> problems = new ArrayList<>();
        Set<String> repositories = new TreeSet<>();
        for (ObjectNode deployment : ofKind(build(DEPLOY.resolve("base")).resources(), "Deployment")) {
            deployment
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .forEach(c -> repositories.add(imageRepository(text(c, "image"))));
        }
        for (Path dir : kustomizationDirs()) {
            JsonNode k = readDocs(dir.resolve("kustomization.yaml")).get(0);
            for (JsonNode image : k.path("images")) {
                if (!repositories.contains(text(image, "name"))) {
                    problems.add(rel(dir) + ": images entry '" + text(image, "name") + "' matches no base image "
                            + repositories + ", so it changes nothing");
                }
            }
        }
        Path dockerfile = DEPLOY.resolve("Dockerfile");
        if (!Files.isRegularFile(dockerfile)) {
            problems.add("deploy/Dockerfile is missing");
        } else {
            String text = read(dockerfile);
            if (!Pattern.compile("(?m)^COPY\\s+\\S+\\s+" + Pattern.quote(JAR) + "\\s*$")
                    .matcher(text)
                    .find()) {
                problems.add("deploy/Dockerfile does not COPY the jar to " + JAR + ", where the Deployments run it");
            }
            if (!Pattern.compile("(?m)^FROM\\s+eclipse-temurin:17")
                    .matcher(text)
                    .find()) {
                problems.add("deploy/Dockerfile is not FROM eclipse-temurin:17");
            }
            if (dockerfileUser().isEmpty()) {
                problems.add("deploy/Dockerfile has no numeric USER (runAsNonRoot cannot check a user name)");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void flaggerCanaryAsksTheOrchestratorServiceAtEachHooksOwnPath() {
        List<String> problems = new ArrayList<>();
        Build base = build(DEPLOY.resolve("base"));
        Optional<Part> orchestrator = parts(base, problems).stream()
                .filter(p -> p.agent().equals(ORCHESTRATOR))
                .findFirst();
        assertTrue(orchestrator.isPresent(), "no orchestrator in deploy/base");
        ObjectNode service = servicesFor(base, orchestrator.get().deployment()).get(0);
        Path dir = DEPLOY.resolve("flagger");
        List<ObjectNode> canaries = new ArrayList<>();
        yamlFilesIn(dir)
                .forEach(f -> readDocs(f).forEach(d -> {
                    if (text(d, "kind").equals("Canary")) {
                        canaries.add((ObjectNode) d);
                    }
                }));
        assertTrue(!canaries.isEmpty(), "no Canary in " + rel(dir));
        for (ObjectNode canary : canaries) {
            String where = rel(dir) + " " + kindName(canary);
            if (!text(canary.path("spec").path("targetRef"), "kind").equals("Deployment")) {
                problems.add(where + ": the council judges Deployment targets only");
            }
            Set<String> types = new TreeSet<>();
            for (JsonNode hook : canary.path("spec").path("analysis").path("webhooks")) {
                String type = text(hook, "type");
                String url = text(hook, "url");
                URI uri = URI.create(url);
                types.add(type);
                if (!("/api/v1/flagger/" + type).equals(uri.getRawPath())) {
                    problems.add(where + ": the " + type + " hook calls " + uri.getRawPath()
                            + "; a hook's path must be its type, or its verdicts mean something else");
                }
                checkAgentUrl(
                        where + " " + type + " hook",
                        url.substring(0, url.length() - uri.getRawPath().length()),
                        service,
                        problems);
                if (text(hook.path("metadata"), "token").isBlank()) {
                    problems.add(where + ": the " + type
                            + " hook sends no metadata.token, so the gate (auth on by default) refuses it");
                }
            }
            for (String needed : List.of("rollback", "confirm-promotion")) {
                if (!types.contains(needed)) {
                    problems.add(where + ": no " + needed + " hook: "
                            + (needed.equals("rollback")
                                    ? "a ROLLBACK would wait for threshold failed checks"
                                    : "nothing holds an INCONCLUSIVE canary"));
                }
            }
        }
        assertNoProblems(problems);
    }

    /** A pod that might try to reach a council port: where it runs and its labels. */
    private record Caller(
            String name, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels) {}

    @Test
    void networkPoliciesLetEachPortBeReachedByItsCallersOnly() {
        List<String> problems = new ArrayList<>();
        for (Build build : deployBuilds()) {
            List<ObjectNode> policies = ofKind(build.resources(), "NetworkPolicy");
            List<Part> parts = parts(build, problems);
            Map<String, Part> byAgent = new TreeMap<>();
            parts.forEach(p -> byAgent.put(p.agent(), p));
            String ns = namespace(byAgent.get(ORCHESTRATOR).deployment());
            List<Caller> callers = new ArrayList<>();
            for (Part part : parts) {
                callers.add(new Caller(
                        part.agent(),
                        ns,
                        Map.of(),
                        labelsOf(part.deployment().path("spec").path("template"))));
            }
            callers.add(new Caller(
                    "argo-rollouts controller",
                    "argo-rollouts",
                    Map.of(),
                    Map.of("app.kubernetes.io/name", "argo-rollouts")));
            callers.add(new Caller("flagger", "flagger-system", Map.of(), Map.of("app.kubernetes.io/name", "flagger")));
            callers.add(new Caller(
                    "page ingress",
                    "ingress-nginx",
                    Map.of("canary-council.dev/page-access", "true"),
                    Map.of("app.kubernetes.io/name", "ingress-nginx")));
            callers.add(new Caller("a pod of a watched namespace", "shop", Map.of(), Map.of("app", "checkout")));
            callers.add(new Caller("an unlabelled pod beside the council", ns, Map.of(), Map.of()));
            callers.add(new Caller(
                    "a pod wearing the orchestrator's labels elsewhere",
                    "shop",
                    Map.of(),
                    labelsOf(byAgent.get(ORCHESTRATOR).deployment().path("spec").path("template"))));

            Map<String, Set<String>> expected = new TreeMap<>();
            Set<String> agents = Set.of(ORCHESTRATOR, LogAnalyst.NAME, MetricsAgent.NAME, IssueWriterService.NAME);
            expected.put(MCP_TOOLS + ":8090", agents);
            expected.put(LogAnalyst.NAME + ":8081", Set.of(ORCHESTRATOR));
            expected.put(MetricsAgent.NAME + ":8082", Set.of(ORCHESTRATOR));
            expected.put(IssueWriterService.NAME + ":8083", Set.of(ORCHESTRATOR));
            expected.put(ORCHESTRATOR + ":8088", Set.of("argo-rollouts controller", "flagger"));
            expected.put(ORCHESTRATOR + ":8080", Set.of("page ingress"));
            for (Map.Entry<String, Set<String>> target : expected.entrySet()) {
                Part part = byAgent.get(target.getKey().split(":")[0]);
                int port = Integer.parseInt(target.getKey().split(":")[1]);
                Map<String, String> podLabels =
                        labelsOf(part.deployment().path("spec").path("template"));
                for (Caller caller : callers) {
                    boolean allowed = reaches(policies, caller, ns, podLabels, port);
                    if (allowed != target.getValue().contains(caller.name())) {
                        problems.add(build + ": " + caller.name() + " (" + caller.namespace() + ") "
                                + (allowed ? "reaches" : "cannot reach") + " " + target.getKey());
                    }
                }
            }
            // A port nobody listed stays shut: the default deny selects every part.
            for (Part part : parts) {
                Map<String, String> podLabels =
                        labelsOf(part.deployment().path("spec").path("template"));
                if (policies.stream().noneMatch(pol -> selects(pol.path("spec").path("podSelector"), podLabels))) {
                    problems.add(
                            build + ": no NetworkPolicy selects " + part + ", so any pod reaches every port of it");
                }
                for (Caller caller : callers) {
                    if (reaches(policies, caller, ns, podLabels, 9999)) {
                        problems.add(build + ": " + caller.name() + " reaches an unlisted port of " + part);
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    private static Map<String, String> labelsOf(JsonNode object) {
        Map<String, String> labels = new TreeMap<>();
        object.path("metadata")
                .path("labels")
                .properties()
                .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** NetworkPolicy ingress semantics: isolated when any policy selects the pod; then some rule must admit port and caller. */
    private static boolean reaches(
            List<ObjectNode> policies, Caller caller, String podNamespace, Map<String, String> podLabels, int port) {
        boolean isolated = false;
        for (ObjectNode policy : policies) {
            JsonNode spec = policy.path("spec");
            if (!namespace(policy).equals(podNamespace) || !selects(spec.path("podSelector"), podLabels)) {
                continue;
            }
            List<String> types = strings(spec.path("policyTypes"));
            if (!types.isEmpty() && !types.contains("Ingress")) {
                continue;
            }
            isolated = true;
            for (JsonNode rule : spec.path("ingress")) {
                boolean portOk = rule.path("ports").isEmpty();
                for (JsonNode p : rule.path("ports")) {
                    portOk |= p.path("port").asInt(-1) == port
                            && Set.of("", "TCP").contains(text(p, "protocol"));
                }
                boolean fromOk = rule.path("from").isEmpty();
                for (JsonNode peer : rule.path("from")) {
                    Map<String, String> nsLabels = new TreeMap<>(caller.namespaceLabels());
                    nsLabels.put("kubernetes.io/metadata.name", caller.namespace());
                    boolean byPod = peer.has("podSelector") && selects(peer.path("podSelector"), caller.labels());
                    boolean byNs = peer.has("namespaceSelector") && selects(peer.path("namespaceSelector"), nsLabels);
                    if (peer.has("podSelector") && peer.has("namespaceSelector")) {
                        fromOk |= byPod && byNs;
                    } else if (peer.has("podSelector")) {
                        fromOk |= byPod && caller.namespace().equals(namespace(policy));
                    } else if (peer.has("namespaceSelector")) {
                        fromOk |= byNs;
                    }
                }
                if (portOk && fromOk) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    /** A label selector: every matchLabels entry and every matchExpressions term; empty selects everything. */
    private static boolean selects(JsonNode selector, Map<String, String> labels) {
        for (Map.Entry<String, JsonNode> e : selector.path("matchLabels").properties()) {
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String value = labels.get(text(expr, "key"));
            List<String> values = strings(expr.path("values"));
            boolean ok = switch (text(expr, "operator")) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Test
    void analysisTemplateAsksTheOrchestratorService() {
        List<String> problems = new ArrayList<>();
        Build base = build(DEPLOY.resolve("base"));
        Optional<Part> orchestrator = parts(base, problems).stream()
                .filter(p -> p.agent().equals(ORCHESTRATOR))
                .findFirst();
        assertTrue(orchestrator.isPresent(), "no orchestrator in deploy/base");
        List<ObjectNode> services = servicesFor(base, orchestrator.get().deployment());
        assertTrue(services.size() == 1, "the orchestrator needs exactly one Service");
        ObjectNode service = services.get(0);

        Path dir = DEPLOY.resolve("argo-rollouts");
        List<ObjectNode> docs = new ArrayList<>();
        yamlFilesIn(dir).forEach(f -> readDocs(f).forEach(d -> docs.add((ObjectNode) d)));

        Set<String> registered = new TreeSet<>();
        for (ObjectNode config : ofKind(docs, "ConfigMap")) {
            if (name(config).equals("argo-rollouts-config")) {
                String plugins = text(config.path("data"), "metricProviderPlugins");
                // A YAML list: the reader yields its entries one by one.
                for (JsonNode plugin : readDocs(plugins, rel(dir) + " metricProviderPlugins")) {
                    if (!text(plugin, "location").isEmpty()) {
                        registered.add(text(plugin, "name"));
                    }
                }
            }
        }
        if (!registered.contains(PLUGIN)) {
            problems.add(rel(dir) + ": argo-rollouts-config does not register " + PLUGIN + " with a location");
        }

        List<ObjectNode> templates = ofKind(docs, "AnalysisTemplate");
        templates.addAll(ofKind(docs, "ClusterAnalysisTemplate"));
        if (templates.isEmpty()) {
            problems.add(rel(dir) + ": no AnalysisTemplate");
        }
        for (ObjectNode template : templates) {
            String where = rel(dir) + " " + kindName(template);
            Set<String> declared = new TreeSet<>();
            Set<String> secretArgs = new TreeSet<>();
            template.path("spec").path("args").forEach(a -> {
                declared.add(text(a, "name"));
                if (a.path("valueFrom").has("secretKeyRef")) {
                    secretArgs.add(text(a, "name"));
                }
            });
            boolean usesPlugin = false;
            for (JsonNode metric : template.path("spec").path("metrics")) {
                JsonNode web = metric.path("provider").path("web");
                if (!web.isMissingNode()) {
                    usesPlugin = true;
                    checkWebMetric(where, metric, declared, secretArgs, service, problems);
                    continue;
                }
                JsonNode config = metric.path("provider").path("plugin").path(PLUGIN);
                if (config.isMissingNode()) {
                    continue;
                }
                usesPlugin = true;
                String mode = text(config, "analysisMode");
                if (!mode.isEmpty() && !mode.equals("agent")) {
                    problems.add(where + ": analysisMode " + mode + ", expected agent");
                }
                for (String selector : List.of("canaryLabel", "stableLabel")) {
                    if (text(config, selector).isBlank()) {
                        problems.add(where + ": no " + selector + " (the plugin would fall back to role=...)");
                    }
                }
                Matcher refs = ARG_REF.matcher(config.toString());
                while (refs.find()) {
                    if (!declared.contains(refs.group(1))) {
                        problems.add(where + ": uses {{args." + refs.group(1) + "}} but declares only " + declared);
                    }
                }
                checkAgentUrl(where, text(config, "agentUrl"), service, problems);
            }
            if (!usesPlugin) {
                problems.add(where + ": no metric asks the council (the " + PLUGIN + " plugin or the web provider)");
            }
        }

        // Every Rollout here names a template that exists and gives it every argument it needs.
        for (ObjectNode rollout : ofKind(docs, "Rollout")) {
            JsonNode canary = rollout.path("spec").path("strategy").path("canary");
            List<JsonNode> analyses = new ArrayList<>();
            if (canary.has("analysis")) {
                analyses.add(canary.path("analysis"));
            }
            canary.path("steps").forEach(s -> {
                if (s.has("analysis")) {
                    analyses.add(s.path("analysis"));
                }
            });
            if (analyses.isEmpty()) {
                problems.add(rel(dir) + " " + kindName(rollout) + ": no analysis");
            }
            for (JsonNode analysis : analyses) {
                Set<String> given = new TreeSet<>();
                analysis.path("args").forEach(a -> given.add(text(a, "name")));
                for (JsonNode ref : analysis.path("templates")) {
                    boolean cluster = ref.path("clusterScope").asBoolean(false);
                    Optional<ObjectNode> template = templates.stream()
                            .filter(t -> name(t).equals(text(ref, "templateName")))
                            .filter(t -> cluster
                                    ? text(t, "kind").equals("ClusterAnalysisTemplate")
                                    : text(t, "kind").equals("AnalysisTemplate")
                                            && namespace(t).equals(namespace(rollout)))
                            .findFirst();
                    if (template.isEmpty()) {
                        problems.add(rel(dir) + " " + kindName(rollout) + ": template " + text(ref, "templateName")
                                + " is not in " + (cluster ? "the cluster" : "namespace " + namespace(rollout)));
                        continue;
                    }
                    template.get().path("spec").path("args").forEach(a -> {
                        if (!a.has("value") && !a.has("valueFrom") && !given.contains(text(a, "name"))) {
                            problems.add(rel(dir) + " " + kindName(rollout) + ": gives no value for argument "
                                    + text(a, "name") + " of " + text(ref, "templateName"));
                        }
                    });
                }
            }
        }

        // The council may read, and the controller's plugin may read logs in, each namespace that asks.
        Set<String> asking = templates.stream()
                .filter(t -> text(t, "kind").equals("AnalysisTemplate"))
                .map(DeployManifestsTest::namespace)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> controllerReads = ofKind(docs, "RoleBinding").stream()
                .map(DeployManifestsTest::namespace)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!controllerReads.containsAll(asking)) {
            problems.add(rel(dir) + ": the controller's plugin may read pod logs in " + controllerReads
                    + " but templates ask from " + asking);
        }
        for (Build build : deployBuilds()) {
            if (build.dir().startsWith(DEPLOY.resolve("overlays"))) {
                Set<String> watched = parts(build, new ArrayList<>()).stream()
                        .filter(p -> p.agent().equals(MCP_TOOLS))
                        .findFirst()
                        .map(p -> csv(p.env().getOrDefault(NAMESPACES_ENV, "")))
                        .orElse(Set.of());
                if (!watched.containsAll(asking)) {
                    problems.add(build + " watches " + watched + " but " + rel(dir) + " has templates in " + asking);
                }
            }
        }
        for (ObjectNode role : ofKind(docs, "ClusterRole")) {
            Map<String, Set<String>> rules = rules(role, rel(dir) + " " + kindName(role), problems);
            rules.forEach((resource, verbs) -> {
                if (!READ_VERBS.containsAll(verbs)) {
                    problems.add(rel(dir) + " " + kindName(role) + ": " + verbs + " on " + resource
                            + " is more than reading");
                }
            });
        }
        if (!ofKind(docs, "ClusterRoleBinding").isEmpty()) {
            problems.add(rel(dir) + ": a ClusterRoleBinding; bind per namespace");
        }
        assertNoProblems(problems);
    }

    /** The emulated rendering equals kustomize's own, where kubectl or kustomize is installed. */
    @Test
    void kustomizeRendersWhatThisTestChecks() throws Exception {
        List<String> command = kustomizeCommand();
        Assumptions.assumeTrue(command != null, "neither kubectl nor kustomize is on the PATH");
        List<String> problems = new ArrayList<>();
        for (Path dir : kustomizationDirs()) {
            List<String> run = new ArrayList<>(command);
            run.add(dir.toString());
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(run)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    problems.add(String.join(" ", run) + " timed out");
                    continue;
                }
                if (process.exitValue() != 0) {
                    problems.add(String.join(" ", run) + " failed: "
                            + Files.readString(err).strip());
                    continue;
                }
            } finally {
                Files.deleteIfExists(err);
            }
            Map<String, JsonNode> real = new TreeMap<>();
            try {
                readDocs(out).forEach(d -> real.put(id(d), d));
            } finally {
                Files.deleteIfExists(out);
            }
            Map<String, JsonNode> emulated = new TreeMap<>();
            build(dir).resources().forEach(d -> emulated.put(id(d), d));
            if (!real.keySet().equals(emulated.keySet())) {
                problems.add(rel(dir) + ": kustomize renders " + real.keySet() + ", the test " + emulated.keySet());
                continue;
            }
            real.forEach((id, doc) -> {
                if (!doc.equals(emulated.get(id))) {
                    problems.add(rel(dir) + ": kustomize renders " + id + " differently from the test:\n  kustomize: "
                            + doc + "\n  test:      " + emulated.get(id));
                }
            });
        }
        assertNoProblems(problems);
    }

    // ------------------------------------------------------------------------------------------
    // parts: one Deployment running `serve --agent NAME`

    /** A council part: its Deployment, container, the arguments after the jar, and its resolved environment. */
    private record Part(
            Build build,
            ObjectNode deployment,
            JsonNode container,
            String agent,
            List<String> args,
            Map<String, String> env) {

        JsonNode pod() {
            return deployment.path("spec").path("template").path("spec");
        }

        @Override
        public String toString() {
            return build + " " + kindName(deployment) + " (" + agent + ")";
        }
    }

    private static List<Part> parts(Build build, List<String> problems) {
        List<Part> parts = new ArrayList<>();
        for (ObjectNode deployment : ofKind(build.resources(), "Deployment")) {
            String where = build + " " + kindName(deployment);
            JsonNode containers =
                    deployment.path("spec").path("template").path("spec").path("containers");
            if (containers.size() != 1) {
                problems.add(where + ": " + containers.size() + " containers, expected one");
                continue;
            }
            JsonNode container = containers.get(0);
            List<String> line = new ArrayList<>();
            for (String field : List.of("command", "args")) {
                for (JsonNode token : container.path(field)) {
                    if (!token.isTextual()) {
                        problems.add(where + ": " + field + " element " + token
                                + " is not a string (Kubernetes rejects it)");
                    }
                    line.add(token.asText());
                }
            }
            int jar = line.indexOf("-jar");
            if (line.isEmpty()
                    || !line.get(0).equals("java")
                    || jar < 0
                    || jar + 1 >= line.size()
                    || !line.get(jar + 1).equals(JAR)) {
                problems.add(where + ": does not run `java ... -jar " + JAR + "`: " + line);
                continue;
            }
            line.subList(1, jar).stream()
                    .filter(t -> !t.startsWith("-"))
                    .forEach(t -> problems.add(where + ": '" + t + "' before -jar is not a JVM option"));
            List<String> args = List.copyOf(line.subList(jar + 2, line.size()));
            Map<String, String> env = env(build, container, where, problems);
            String agent = optionValue(args, "--agent").orElse("");
            if (agent.isEmpty()) {
                problems.add(where + ": no --agent: it would start every part in one pod");
                continue;
            }
            parts.add(new Part(build, deployment, container, agent, args, env));
        }
        return parts;
    }

    /** The container's environment, with ConfigMap and Secret references looked up in the build. */
    private static Map<String, String> env(Build build, JsonNode container, String where, List<String> problems) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            for (String kind : List.of("configMapRef", "secretRef")) {
                if (from.has(kind)) {
                    String source = text(from.path(kind), "name");
                    Optional<ObjectNode> object =
                            find(build, kind.equals("configMapRef") ? "ConfigMap" : "Secret", source);
                    if (object.isEmpty()) {
                        problems.add(where + ": envFrom " + kind + " " + source + " is not in the manifests");
                    }
                    object.ifPresent(o -> dataOf(o).forEach((k, v) -> env.put(text(from, "prefix") + k, v)));
                }
            }
        }
        for (JsonNode e : container.path("env")) {
            String name = text(e, "name");
            if (e.has("value")) {
                if (!e.path("value").isTextual()) {
                    problems.add(where + ": env " + name + " is not a string (Kubernetes rejects it)");
                }
                env.put(name, e.path("value").asText());
                continue;
            }
            JsonNode from = e.path("valueFrom");
            for (String kind : List.of("configMapKeyRef", "secretKeyRef")) {
                if (from.has(kind)) {
                    JsonNode ref = from.path(kind);
                    String source = text(ref, "name");
                    String key = text(ref, "key");
                    Optional<String> value = find(
                                    build, kind.equals("configMapKeyRef") ? "ConfigMap" : "Secret", source)
                            .map(DeployManifestsTest::dataOf)
                            .map(d -> d.get(key));
                    if (value.isEmpty()) {
                        problems.add(where + ": env " + name + " reads key " + key + " of " + source
                                + ", which is not in the manifests"
                                + (ref.path("optional").asBoolean(false) ? " (optional)" : ""));
                    }
                    env.put(name, kind.equals("secretKeyRef") ? "" : value.orElse(""));
                }
            }
            if (from.has("fieldRef") || from.has("resourceFieldRef")) {
                env.put(name, "<from the pod>");
            }
        }
        return env;
    }

    /** Each variable a `serve` option takes as its default, read from the jar's own options. */
    private static Map<String, String> envToOption() {
        CommandLine cli = new CommandLine(new Main());
        cli.setInterpolateVariables(false);
        Map<String, String> map = new TreeMap<>();
        for (OptionSpec option :
                cli.getSubcommands().get("serve").getCommandSpec().options()) {
            Matcher m = ENV_DEFAULT.matcher(Objects.toString(option.defaultValue(), ""));
            if (m.find()) {
                map.put(m.group(1), option.longestName());
            }
        }
        return map;
    }

    /** The option's value from the arguments, else from its environment variable. */
    private static Optional<String> valueOf(Part part, String option, String env) {
        return optionValue(part.args(), option)
                .or(() -> Optional.ofNullable(part.env().get(env)).filter(v -> !v.isBlank()));
    }

    /** {@code --name value} or {@code --name=value}; several occurrences are joined with commas. */
    private static Optional<String> optionValue(List<String> args, String option) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(option) && i + 1 < args.size()) {
                values.add(args.get(++i));
            } else if (a.startsWith(option + "=")) {
                values.add(a.substring(option.length() + 1));
            }
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
    }

    /** Checks a URL names a Service of the build, on one of its ports, in front of one of {@code agents}; returns the agent. */
    private static String checkServiceUrl(
            Build build, Part from, String option, String url, Set<String> agents, String path, List<String> problems) {
        String where = from + ": " + option + " " + url;
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            problems.add(where + " is not a URL");
            return null;
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            problems.add(where + ": expected http://SERVICE:PORT" + path);
            return null;
        }
        if (!Objects.toString(uri.getRawPath(), "").equals(path) || uri.getRawQuery() != null) {
            problems.add(where + ": the path must be '" + path + "'");
        }
        String[] labels = uri.getHost().split("\\.");
        String namespace = labels.length > 1 ? labels[1] : namespace(from.deployment());
        String tail = String.join(".", List.of(labels).subList(Math.min(2, labels.length), labels.length));
        if (!Set.of("", "svc", "svc.cluster.local").contains(tail)) {
            problems.add(where
                    + ": the host is neither SERVICE, SERVICE.NAMESPACE nor SERVICE.NAMESPACE.svc[.cluster.local]");
            return null;
        }
        Optional<ObjectNode> service = build.resources().stream()
                .filter(r -> text(r, "kind").equals("Service")
                        && name(r).equals(labels[0])
                        && namespace(r).equals(namespace))
                .findFirst();
        if (service.isEmpty()) {
            problems.add(where + ": there is no Service " + labels[0] + " in namespace " + namespace);
            return null;
        }
        boolean portExists = false;
        for (JsonNode p : service.get().path("spec").path("ports")) {
            portExists |= p.path("port").asInt() == uri.getPort();
        }
        if (!portExists) {
            problems.add(where + ": Service " + labels[0] + " has no port " + uri.getPort());
        }
        List<Part> behind = parts(build, new ArrayList<>()).stream()
                .filter(p -> servicesFor(build, p.deployment()).contains(service.get()))
                .toList();
        if (behind.size() != 1 || !agents.contains(behind.get(0).agent())) {
            problems.add(where + ": Service " + labels[0] + " is in front of "
                    + behind.stream().map(Part::agent).toList() + ", expected one of " + agents);
            return null;
        }
        return behind.get(0).agent();
    }

    /** Argo's web provider: the orchestrator's release-gate API, every argument declared, all three verdicts told apart. */
    private static void checkWebMetric(
            String where,
            JsonNode metric,
            Set<String> declared,
            Set<String> secretArgs,
            ObjectNode service,
            List<String> problems) {
        JsonNode web = metric.path("provider").path("web");
        Matcher refs = ARG_REF.matcher(metric.toString());
        while (refs.find()) {
            if (!declared.contains(refs.group(1))) {
                problems.add(where + ": uses {{args." + refs.group(1) + "}} but declares only " + declared);
            }
        }
        String url = text(web, "url");
        URI uri = URI.create(url);
        if (!"/api/v1/analyses".equals(uri.getRawPath())) {
            problems.add(where + ": web url " + url + " is not the orchestrator's /api/v1/analyses");
        }
        checkAgentUrl(
                where,
                url.substring(
                        0, url.length() - Objects.toString(uri.getRawPath(), "").length()),
                service,
                problems);
        if (text(metric, "successCondition").isBlank()
                || text(metric, "failureCondition").isBlank()) {
            problems.add(where + ": a web metric needs both conditions, or INCONCLUSIVE cannot pause the rollout");
        }
        if (web.path("timeoutSeconds").asInt(10) < 60) {
            problems.add(where + ": timeoutSeconds under 60 cuts analyses short (Argo's default is 10)");
        }
        boolean bearerFromSecret = false;
        for (JsonNode header : web.path("headers")) {
            Matcher arg = ARG_REF.matcher(text(header, "value"));
            if (text(header, "key").equals("Authorization")
                    && text(header, "value").startsWith("Bearer ")
                    && arg.find()) {
                bearerFromSecret = secretArgs.contains(arg.group(1));
            }
        }
        if (!bearerFromSecret) {
            problems.add(where
                    + ": no Authorization: Bearer {{args.X}} header with X read from a Secret; the gate refuses it");
        }
    }

    private static void checkAgentUrl(String where, String url, ObjectNode service, List<String> problems) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": agentUrl '" + url + "' is not a URL");
            return;
        }
        String expectedHost = name(service) + "." + namespace(service) + ".svc";
        Set<Integer> ports = new TreeSet<>();
        service.path("spec").path("ports").forEach(p -> ports.add(p.path("port").asInt()));
        if (!"http".equals(uri.getScheme())
                || uri.getHost() == null
                || !(uri.getHost().equals(expectedHost) || uri.getHost().equals(expectedHost + ".cluster.local"))) {
            problems.add(where + ": agentUrl " + url + " is not the orchestrator's Service http://" + expectedHost
                    + ":PORT (the plugin runs in the controller's namespace, so the name needs the namespace)");
        }
        if (!ports.contains(uri.getPort())) {
            problems.add(where + ": agentUrl " + url + " is not on a port of Service " + name(service) + " " + ports);
        }
        if (!Objects.toString(uri.getRawPath(), "").isEmpty()) {
            problems.add(where + ": agentUrl " + url + " has a path; the plugin appends / and /a2a/analyze itself");
        }
    }

    private static void checkProbes(Part part, int port, List<String> problems) {
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            JsonNode p = part.container().path(probe);
            if (p.isMissingNode()) {
                if (!probe.equals("startupProbe")) {
                    problems.add(part + ": no " + probe);
                }
                continue;
            }
            JsonNode handler =
                    p.has("httpGet") ? p.path("httpGet") : p.has("tcpSocket") ? p.path("tcpSocket") : p.path("grpc");
            Integer target = resolvePort(part.container(), handler.path("port"));
            if (!Integer.valueOf(port).equals(target)) {
                problems.add(part + ": " + probe + " checks port " + target + ", not --port " + port);
            }
            if (p.has("httpGet")) {
                String path = text(handler, "path");
                Set<String> served = part.agent().equals(MCP_TOOLS)
                        ? Set.of()
                        : part.agent().equals(ORCHESTRATOR)
                                ? Set.of(A2aAgentServer.CARD_PATH, "/")
                                : Set.of(A2aAgentServer.CARD_PATH);
                if (!served.contains(path)) {
                    problems.add(part + ": " + probe + " GETs '" + path + "', which it does not answer with 200 "
                            + (served.isEmpty()
                                    ? "(GET " + McpToolServer.PATH + " needs an MCP session; probe the TCP port)"
                                    : "(it answers " + served + ")"));
                }
            }
        }
    }

    /** A numeric port, or a named one resolved against the container's ports. */
    private static Integer resolvePort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        if (port.isTextual()) {
            for (JsonNode p : container.path("ports")) {
                if (text(p, "name").equals(port.asText())) {
                    return p.path("containerPort").asInt();
                }
            }
            return port.asText().matches("\\d+") ? Integer.valueOf(port.asText()) : null;
        }
        return null;
    }

    private static List<ObjectNode> servicesFor(Build build, ObjectNode deployment) {
        JsonNode labels =
                deployment.path("spec").path("template").path("metadata").path("labels");
        List<ObjectNode> services = new ArrayList<>();
        for (ObjectNode service : ofKind(build.resources(), "Service")) {
            JsonNode selector = service.path("spec").path("selector");
            boolean matches = selector.size() > 0 && namespace(service).equals(namespace(deployment));
            for (Map.Entry<String, JsonNode> e : selector.properties()) {
                matches &= e.getValue().asText().equals(text(labels, e.getKey()));
            }
            if (matches) {
                services.add(service);
            }
        }
        return services;
    }

    /** The text of a file a part reads, when it is mounted from a ConfigMap of the build. */
    private static Optional<String> mountedConfigMapFile(Build build, Part part, String file, List<String> problems) {
        Optional<JsonNode> mount = mountHolding(part.container(), file);
        Optional<JsonNode> volume = mount.flatMap(m -> volume(part.deployment(), text(m, "name")));
        if (volume.isEmpty() || !volume.get().has("configMap")) {
            problems.add(part + ": " + file + " is not mounted from a ConfigMap");
            return Optional.empty();
        }
        String mountPath = text(mount.get(), "mountPath");
        String inVolume = mount.get().has("subPath")
                ? text(mount.get(), "subPath")
                : file.substring(mountPath.length()).replaceFirst("^/", "");
        JsonNode source = volume.get().path("configMap");
        String key = inVolume;
        if (source.has("items")) {
            key = null;
            for (JsonNode item : source.path("items")) {
                if (text(item, "path").equals(inVolume)) {
                    key = text(item, "key");
                }
            }
        }
        Optional<String> text = Optional.ofNullable(key)
                .flatMap(k -> find(build, "ConfigMap", text(source, "name"))
                        .map(DeployManifestsTest::dataOf)
                        .map(d -> d.get(k)));
        if (text.isEmpty()) {
            problems.add(part + ": " + file + " is not a key of ConfigMap " + text(source, "name"));
        }
        return text;
    }

    /** The volume mount whose path holds {@code path}: the deepest mount at or above it. */
    private static Optional<JsonNode> mountHolding(JsonNode container, String path) {
        JsonNode best = null;
        for (JsonNode m : container.path("volumeMounts")) {
            String mp = text(m, "mountPath");
            if ((path.equals(mp) || path.startsWith(mp.endsWith("/") ? mp : mp + "/"))
                    && (best == null || mp.length() > text(best, "mountPath").length())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<JsonNode> volume(ObjectNode deployment, String name) {
        for (JsonNode v : deployment.path("spec").path("template").path("spec").path("volumes")) {
            if (text(v, "name").equals(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * The auth-init Job may create Secrets (Kubernetes cannot narrow a create to a name) and read
     * or fill the one Secret it generates, nothing else; only its own service account holds that,
     * in the council's namespace, and only the Job runs as it.
     */
    private static void checkAuthInit(Build build, List<ObjectNode> roles, List<String> problems) {
        Set<String> generated = generatedSecrets(build);
        Optional<ObjectNode> role =
                roles.stream().filter(r -> name(r).equals(AUTH_INIT)).findFirst();
        if (generated.isEmpty()) {
            problems.add(
                    build
                            + ": no Job runs `secret init`: the parts' tokens would never exist, so authentication is not on by default");
            return;
        }
        if (role.isEmpty() || !text(role.get(), "kind").equals("Role")) {
            problems.add(build + ": the auth-init Job needs a namespaced Role " + AUTH_INIT);
            return;
        }
        Set<String> expected = new TreeSet<>();
        expected.add("create:" + List.of());
        for (String verb : List.of("get", "patch", "update")) {
            expected.add(verb + ":" + new ArrayList<>(generated));
        }
        Set<String> actual = new TreeSet<>();
        for (JsonNode rule : role.get().path("rules")) {
            if (!strings(rule.path("apiGroups")).equals(List.of(""))
                    || !strings(rule.path("resources")).equals(List.of("secrets"))) {
                problems.add(build + " " + kindName(role.get()) + ": a rule beyond core secrets: " + rule);
            }
            for (String verb : strings(rule.path("verbs"))) {
                actual.add(verb + ":" + strings(rule.path("resourceNames")));
            }
        }
        if (!actual.equals(expected)) {
            problems.add(build + " " + kindName(role.get()) + ": rules " + actual + ", expected exactly " + expected);
        }
        for (ObjectNode binding : ofKind(build.resources(), "RoleBinding")) {
            if (!text(binding.path("roleRef"), "name").equals(AUTH_INIT)) {
                continue;
            }
            List<String> subjects = new ArrayList<>();
            binding.path("subjects")
                    .forEach(s -> subjects.add(text(s, "kind") + " " + text(s, "namespace") + "/" + text(s, "name")));
            if (!subjects.equals(List.of("ServiceAccount " + namespace(role.get()) + "/" + AUTH_INIT))
                    || !namespace(binding).equals(namespace(role.get()))) {
                problems.add(build + " " + kindName(binding) + ": subjects " + subjects + " in " + namespace(binding)
                        + ", expected only the auth-init service account in the council's namespace");
            }
        }
        for (ObjectNode workload : build.resources()) {
            String sa = text(workload.path("spec").path("template").path("spec"), "serviceAccountName");
            if (sa.equals(AUTH_INIT) && !text(workload, "kind").equals("Job")) {
                problems.add(
                        build + " " + kindName(workload) + ": runs as " + AUTH_INIT + ", which may create Secrets");
            }
        }
    }

    private static boolean automountsToken(Build build, Part part) {
        JsonNode pod = part.pod();
        if (pod.has("automountServiceAccountToken")) {
            return pod.path("automountServiceAccountToken").asBoolean();
        }
        String sa = text(pod, "serviceAccountName");
        return find(build, "ServiceAccount", sa.isEmpty() ? "default" : sa)
                .map(o -> o.path("automountServiceAccountToken").asBoolean(true))
                .orElse(true);
    }

    private static Map<String, Set<String>> rules(ObjectNode role, String where, List<String> problems) {
        Map<String, Set<String>> rules = new TreeMap<>();
        for (JsonNode rule : role.path("rules")) {
            if (rule.has("nonResourceURLs") || rule.has("resourceNames")) {
                problems.add(where + ": rules with nonResourceURLs or resourceNames");
            }
            for (String group : strings(rule.path("apiGroups"))) {
                for (String resource : strings(rule.path("resources"))) {
                    List<String> verbs = strings(rule.path("verbs"));
                    if (group.equals("*") || resource.equals("*") || verbs.contains("*")) {
                        problems.add(where + ": a wildcard in " + rule);
                    }
                    rules.computeIfAbsent(group + "/" + resource, k -> new TreeSet<>())
                            .addAll(verbs);
                }
            }
        }
        return rules;
    }

    private static Optional<Integer> dockerfileUser() {
        Path dockerfile = DEPLOY.resolve("Dockerfile");
        if (!Files.isRegularFile(dockerfile)) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("(?m)^USER\\s+(\\d+)(:\\d+)?\\s*$").matcher(read(dockerfile));
        Integer user = null;
        while (m.find()) {
            user = Integer.valueOf(m.group(1));
        }
        return Optional.ofNullable(user);
    }

    // ------------------------------------------------------------------------------------------
    // kustomize, emulated for what deploy/ uses

    private record Build(Path dir, List<ObjectNode> resources, List<String> problems) {
        @Override
        public String toString() {
            return rel(dir);
        }
    }

    private static final Map<Path, Build> BUILDS = new LinkedHashMap<>();

    private static synchronized Build build(Path dir) {
        Build cached = BUILDS.get(dir);
        if (cached == null) {
            List<String> problems = new ArrayList<>();
            List<ObjectNode> resources = render(dir, new LinkedHashSet<>(), problems);
            cached = new Build(dir, resources, problems);
            BUILDS.put(dir, cached);
        }
        return cached;
    }

    /** The builds that deploy the council: every kustomization with a Deployment in it. */
    private static List<Build> deployBuilds() {
        List<Build> builds = kustomizationDirs().stream()
                .map(DeployManifestsTest::build)
                .filter(b -> !ofKind(b.resources(), "Deployment").isEmpty())
                .toList();
        assertTrue(!builds.isEmpty(), "no kustomization under " + DEPLOY + " deploys anything");
        return builds;
    }

    private static List<ObjectNode> render(Path dir, Set<Path> visiting, List<String> problems) {
        String where = rel(dir.resolve("kustomization.yaml"));
        if (!visiting.add(dir)) {
            problems.add(where + ": includes itself");
            return new ArrayList<>();
        }
        JsonNode k = readDocs(dir.resolve("kustomization.yaml")).get(0);
        k.properties().forEach(property -> {
            String field = property.getKey();
            if (!KUSTOMIZATION_FIELDS.contains(field)) {
                problems.add(where + ": uses `" + field + "`, which DeployManifestsTest does not emulate; teach it");
            }
        });
        List<ObjectNode> out = new ArrayList<>();
        for (String entry : strings(k.path("resources"))) {
            Path p = dir.resolve(entry).normalize();
            if (Files.isDirectory(p) && Files.isRegularFile(p.resolve("kustomization.yaml"))) {
                out.addAll(render(p, visiting, problems));
            } else if (Files.isRegularFile(p)) {
                readDocs(p).forEach(d -> out.add(((ObjectNode) d).deepCopy()));
            }
        }
        for (JsonNode patch : k.path("patches")) {
            if (!patch.has("path") || patch.has("patch") || patch.has("options")) {
                problems.add(where + ": only `patches: - path: FILE [target: {kind, name}]` is emulated: " + patch);
                continue;
            }
            Path file = dir.resolve(text(patch, "path")).normalize();
            if (!Files.isRegularFile(file)) {
                continue;
            }
            for (JsonNode doc : readDocs(file)) {
                JsonNode target = patch.has("target") ? patch.path("target") : doc;
                String kind = text(target, "kind");
                String name = patch.has("target") ? text(target, "name") : name(doc);
                List<ObjectNode> matches = out.stream()
                        .filter(r -> text(r, "kind").equals(kind) && name(r).equals(name))
                        .toList();
                if (matches.isEmpty()) {
                    problems.add(where + ": patch " + text(patch, "path") + " matches no " + kind + " " + name);
                }
                for (ObjectNode match : matches) {
                    merge(match, doc, where + " patch " + text(patch, "path"), problems);
                }
            }
        }
        String namespace = text(k, "namespace");
        if (!namespace.isEmpty()) {
            for (ObjectNode r : out) {
                if (!CLUSTER_SCOPED.contains(text(r, "kind"))) {
                    (r.get("metadata") instanceof ObjectNode m ? m : r.putObject("metadata"))
                            .put("namespace", namespace);
                }
                if (text(r, "kind").endsWith("RoleBinding")) {
                    r.path("subjects").forEach(s -> {
                        if (text(s, "kind").equals("ServiceAccount")
                                && (text(s, "name").equals("default")
                                        || text(s, "namespace").isEmpty())) {
                            ((ObjectNode) s).put("namespace", namespace);
                        }
                    });
                }
            }
        }
        for (JsonNode image : k.path("images")) {
            for (ObjectNode r : out) {
                JsonNode pod = r.path("spec").path("template").path("spec");
                for (String field : List.of("initContainers", "containers")) {
                    for (JsonNode c : pod.path(field)) {
                        String current = text(c, "image");
                        if (imageRepository(current).equals(text(image, "name"))) {
                            String repository =
                                    image.has("newName") ? text(image, "newName") : imageRepository(current);
                            String tag = image.has("newTag") ? ":" + text(image, "newTag") : imageTag(current);
                            String digest = image.has("digest") ? "@" + text(image, "digest") : "";
                            ((ObjectNode) c).put("image", repository + (digest.isEmpty() ? tag : digest));
                        }
                    }
                }
            }
        }
        visiting.remove(dir);
        return out;
    }

    /** A strategic merge patch without lists: maps merge, scalars replace, null deletes. */
    private static void merge(ObjectNode target, JsonNode patch, String where, List<String> problems) {
        patch.properties().forEach(e -> {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && target.path(e.getKey()).isObject()) {
                merge((ObjectNode) target.get(e.getKey()), value, where, problems);
            } else if (value.isArray() && REPLACED_LISTS.contains(e.getKey())) {
                target.set(e.getKey(), value.deepCopy()); // no merge key: a strategic merge patch replaces the list
            } else if (value.isArray()) {
                problems.add(
                        where + ": patches a list (" + e.getKey() + "), which DeployManifestsTest does not emulate");
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        });
    }

    private static List<String> kustomizeCommand() {
        for (String tool : List.of("kubectl", "kustomize")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                    return tool.equals("kubectl")
                            ? List.of(Path.of(dir, tool).toString(), "kustomize")
                            : List.of(Path.of(dir, tool).toString(), "build");
                }
            }
        }
        return null;
    }

    private static String imageRepository(String image) {
        String noDigest = image.split("@", 2)[0];
        int slash = noDigest.lastIndexOf('/');
        int colon = noDigest.lastIndexOf(':');
        return colon > slash ? noDigest.substring(0, colon) : noDigest;
    }

    private static String imageTag(String image) {
        String noDigest = image.split("@", 2)[0];
        String repository = imageRepository(image);
        return noDigest.substring(repository.length());
    }

    // ------------------------------------------------------------------------------------------
    // YAML and small helpers

    private static List<JsonNode> readDocs(Path file) {
        return readDocs(read(file), rel(file));
    }

    private static List<JsonNode> readDocs(String yaml, String source) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException(source + ": " + e.getMessage(), e));
        }
        return docs;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> yamlFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(DeployManifestsTest::isYaml)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static List<Path> yamlFilesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(DeployManifestsTest::isYaml)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static boolean isYaml(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static List<Path> kustomizationDirs() {
        return yamlFiles(DEPLOY).stream()
                .filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                .map(Path::getParent)
                .sorted()
                .toList();
    }

    private static List<ObjectNode> ofKind(List<ObjectNode> docs, String kind) {
        return docs.stream().filter(d -> text(d, "kind").equals(kind)).collect(Collectors.toCollection(ArrayList::new));
    }

    private static Optional<ObjectNode> find(Build build, String kind, String name) {
        Optional<ObjectNode> found = build.resources().stream()
                .filter(r -> text(r, "kind").equals(kind) && name(r).equals(name))
                .findFirst();
        if (found.isEmpty() && kind.equals("Secret") && generatedSecrets(build).contains(name)) {
            ObjectNode secret = YAML.createObjectNode().put("kind", "Secret");
            SecretCommand.KEYS.forEach(key -> secret.with("data").put(key, ""));
            return Optional.of(secret);
        }
        return found;
    }

    /** Secrets a Job of the build creates with {@code secret init --name NAME}: they hold {@link SecretCommand#KEYS}. */
    private static Set<String> generatedSecrets(Build build) {
        Set<String> names = new TreeSet<>();
        for (ObjectNode job : ofKind(build.resources(), "Job")) {
            for (JsonNode c : job.path("spec").path("template").path("spec").path("containers")) {
                List<String> args = strings(c.path("args"));
                int name = args.indexOf("--name");
                if (args.size() > 1
                        && args.get(0).equals("secret")
                        && args.get(1).equals("init")
                        && name >= 0
                        && name + 1 < args.size()) {
                    names.add(args.get(name + 1));
                }
            }
        }
        return names;
    }

    /** A ConfigMap's or Secret's keys and values (data, binaryData, stringData). */
    private static Map<String, String> dataOf(JsonNode object) {
        Map<String, String> data = new LinkedHashMap<>();
        for (String field : List.of("data", "binaryData", "stringData")) {
            object.path(field)
                    .properties()
                    .forEach(e -> data.put(e.getKey(), e.getValue().asText()));
        }
        return data;
    }

    private static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = n.path(p);
        }
        return n.isValueNode() ? n.asText() : "";
    }

    private static boolean bool(JsonNode container, JsonNode pod, String field) {
        return container.has(field)
                ? container.path(field).asBoolean(false)
                : pod.path(field).asBoolean(false);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> csv(String value) {
        return Stream.of(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Integer integer(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String name(JsonNode doc) {
        return text(doc, "metadata", "name");
    }

    private static String namespace(JsonNode doc) {
        return text(doc, "metadata", "namespace");
    }

    private static String kindName(JsonNode doc) {
        return text(doc, "kind") + " " + name(doc);
    }

    private static String id(JsonNode doc) {
        return text(doc, "kind") + " " + namespace(doc) + "/" + name(doc);
    }

    private static String rel(Path p) {
        return DEPLOY.getParent().relativize(p.toAbsolutePath().normalize()).toString();
    }

    private static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
    }
}
