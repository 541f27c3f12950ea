package dev.canarycouncil.metrics.presets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.canarycouncil.metrics.config.MetricSet;
import dev.canarycouncil.metrics.config.MetricSetLoader;
import dev.canarycouncil.metrics.config.MetricSpec;
import dev.canarycouncil.metrics.query.QueryTemplate;
import dev.canarycouncil.metrics.query.SideContext;
import dev.canarycouncil.runtime.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled metric presets ({@code presets/presets.yaml}) and the Kubernetes set added to any of
 * them, read and checked whole when first used: a broken preset is a bug in the jar, never a
 * metric silently skipped.
 */
public final class PresetCatalog {

    private static final String DIR = "/dev/canarycouncil/metrics/presets/";
    private static final ObjectMapper YAML = Json.configYaml();

    private record TargetEntry(String description, String selector, String canary, String stable) {}

    private record PresetEntry(String name, String description, String set, String detect, List<String> targets) {}

    private record KubernetesEntry(String set, List<String> detect) {}

    private record CatalogFile(
            Map<String, TargetEntry> targets, List<PresetEntry> presets, KubernetesEntry kubernetes) {}

    private static final PresetCatalog BUNDLED = load();

    private final List<MetricPreset> presets;
    private final MetricSet kubernetes;
    private final List<String> kubernetesDetect;

    private PresetCatalog(List<MetricPreset> presets, MetricSet kubernetes, List<String> kubernetesDetect) {
        this.presets = List.copyOf(presets);
        this.kubernetes = kubernetes;
        this.kubernetesDetect = List.copyOf(kubernetesDetect);
    }

    /**
     * The set for services instrumented like the Argo Rollouts demo app, with the Kubernetes metrics:
     * the {@code kube-prometheus} preset as auto-detection uses it when the canary's series carry the
     * {@code service} and {@code rollouts_pod_template_hash} labels.
     */
    public static MetricSet defaultSet() {
        PresetCatalog presets = bundled();
        return presets.withKubernetes(
                presets.find("kube-prometheus").orElseThrow().set());
    }

    public static PresetCatalog bundled() {
        return BUNDLED;
    }

    /** Every preset, in the order auto-detection tries them. */
    public List<MetricPreset> presets() {
        return presets;
    }

    public Optional<MetricPreset> find(String name) {
        return presets.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return presets.stream().map(MetricPreset::name).toList();
    }

    /** The cAdvisor and kube-state-metrics set added to a preset when the pods have those series. */
    public MetricSet kubernetes() {
        return kubernetes;
    }

    /** Selectors (with {@code {{pods}}}) whose series show cAdvisor or kube-state-metrics runs. */
    public List<String> kubernetesDetect() {
        return kubernetesDetect;
    }

    /** A preset's set with the Kubernetes metrics added: its groups and metrics after the preset's own. */
    public MetricSet withKubernetes(MetricSet set) {
        List<MetricSpec> metrics = new ArrayList<>(set.metrics());
        metrics.addAll(kubernetes.metrics());
        Map<String, Double> groups = new LinkedHashMap<>(set.groups());
        kubernetes.groups().forEach(groups::putIfAbsent);
        return new MetricSet(
                metrics,
                groups,
                set.traffic(),
                set.minRequests(),
                set.pass(),
                set.marginal(),
                set.alpha(),
                set.judgement());
    }

    private static PresetCatalog load() {
        CatalogFile file;
        try {
            file = YAML.readValue(text("presets.yaml"), CatalogFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("the bundled metric presets are unreadable: " + e.getMessage(), e);
        }
        Map<String, MetricTarget> targets = new LinkedHashMap<>();
        file.targets().forEach((name, t) -> {
            if ((t.selector() == null) == (t.canary() == null || t.stable() == null)) {
                throw new IllegalStateException(
                        "metric target " + name + ": give either 'selector' or both 'canary' and 'stable'");
            }
            MetricTarget target = new MetricTarget(name, t.description(), t.selector(), t.canary(), t.stable());
            target.render(SideContext.example()); // an unknown placeholder fails here, not in an analysis
            targets.put(name, target);
        });
        List<MetricPreset> presets = new ArrayList<>();
        for (PresetEntry p : file.presets()) {
            List<MetricTarget> own = new ArrayList<>();
            for (String t : p.targets()) {
                MetricTarget target = targets.get(t);
                if (target == null) {
                    throw new IllegalStateException("metric preset " + p.name() + " names an unknown target " + t);
                }
                own.add(target);
            }
            QueryTemplate.render(p.detect(), SideContext.example());
            presets.add(new MetricPreset(p.name(), p.description(), set(p.set()), p.detect(), own));
        }
        return new PresetCatalog(
                presets, set(file.kubernetes().set()), file.kubernetes().detect());
    }

    private static MetricSet set(String name) {
        return MetricSetLoader.parse(text(name), "the bundled metric preset " + name);
    }

    private static String text(String name) {
        try (InputStream in = PresetCatalog.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException(DIR + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DIR + name, e);
        }
    }
}
