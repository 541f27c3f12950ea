package dev.canarycouncil.metrics.prometheus;

/**
 * One side's behaviour in a generated metrics scenario.
 *
 * @param requestsPerPodPerSecond  traffic
 * @param errorRatio               share of 5xx responses
 * @param errorSteps               when positive, errors only in this many scrape intervals (sparse errors)
 * @param latencyMedian            median request latency in seconds
 * @param latencyNoise             how much the median wanders between scrapes (log-scale sigma); 0 = steady
 */
record Scenario(
        double requestsPerPodPerSecond,
        double errorRatio,
        int errorSteps,
        double latencyMedian,
        double latencyNoise,
        double cpuCores,
        double memoryBytes,
        int restarts) {

    static Scenario healthy() {
        return new Scenario(10, 0.003, 0, 0.025, 0, 0.15, 180e6, 0);
    }

    Scenario withErrors(double ratio) {
        return new Scenario(
                requestsPerPodPerSecond,
                ratio,
                errorSteps,
                latencyMedian,
                latencyNoise,
                cpuCores,
                memoryBytes,
                restarts);
    }

    Scenario withSparseErrors(int steps, double ratioInThoseSteps) {
        return new Scenario(
                requestsPerPodPerSecond,
                ratioInThoseSteps,
                steps,
                latencyMedian,
                latencyNoise,
                cpuCores,
                memoryBytes,
                restarts);
    }

    Scenario withLatency(double median, double noise) {
        return new Scenario(
                requestsPerPodPerSecond, errorRatio, errorSteps, median, noise, cpuCores, memoryBytes, restarts);
    }

    Scenario withTraffic(double perPodPerSecond) {
        return new Scenario(
                perPodPerSecond, errorRatio, errorSteps, latencyMedian, latencyNoise, cpuCores, memoryBytes, restarts);
    }
}
