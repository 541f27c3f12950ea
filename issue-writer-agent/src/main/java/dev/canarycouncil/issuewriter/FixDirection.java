package dev.canarycouncil.issuewriter;

import dev.canarycouncil.runtime.logs.LogMessages;
import java.util.Locale;

/**
 * Where a fix most likely lies, for the failure kinds seen most often after a release: an index
 * past the end, a missing value, a call timing out, memory growing until the limit. A direction,
 * not a diagnosis: the evidence and the suspect code above are what the reader checks it against.
 */
final class FixDirection {

    private FixDirection() {}

    static String of(FailureReading failure) {
        String text = evidenceText(failure).toLowerCase(Locale.ROOT);
        String where = failure.crash() == null ? null : failure.crashPlace();
        String at = where == null ? "" : " in " + where;
        if (text.contains("index out of range")
                || text.contains("indexoutofbounds")
                || text.contains("list index out of range")) {
            return "An index reaches the length of the collection" + at + ". Check the bounds before indexing, and fix "
                    + "the code that computes the index (the caller quoted above, when there is one): an off-by-one such "
                    + "as `>` instead of `>=` is the usual cause. Add a test with the index at the collection's length.";
        }
        if (text.contains("nil pointer")
                || text.contains("nullpointer")
                || text.contains("nonetype")
                || text.contains("of undefined")
                || text.contains("of null")) {
            return "A value is missing where the code expects one" + at
                    + ". Find where it should have been set in this "
                    + "release, or handle its absence explicitly; add a test for the missing value.";
        }
        if (text.contains("deadline exceeded") || text.contains("timed out") || text.contains("timeout")) {
            return "Calls time out on the canary and not on the stable. Compare the timeout the canary uses (quoted "
                    + "above when found) with the callee's real latency; restore the previous value or make it "
                    + "configurable, and make the caller degrade gracefully when the callee is slow.";
        }
        if (failure.kind() == FailureReading.Kind.OOM
                || text.contains("outofmemory")
                || text.contains("out of memory")) {
            return "Memory grows until the container's limit. Look for caches, maps or buffers added or changed in this "
                    + "release that grow without bound (bound them or add eviction), or raise the memory limit if the "
                    + "growth is expected and bounded.";
        }
        if (failure.kind() == FailureReading.Kind.SLOWER) {
            return "These requests take longer on the canary than on the stable. Look in this release for work added to "
                    + "their path: more queries per request (an N+1 loop), a removed cache or index, a slower dependency "
                    + "call, a lock held longer; a profile of the canary under the same traffic shows where the time goes.";
        }
        if (failure.kind() == FailureReading.Kind.CRASH) {
            return "Fix the failure" + at
                    + " and add a test that reproduces it; the sample above shows the path that leads there.";
        }
        return "Find the change in this release behind the regression the evidence shows, starting from the code quoted "
                + "above and the requests that fail.";
    }

    private static String evidenceText(FailureReading failure) {
        StringBuilder text = new StringBuilder();
        if (failure.crash() != null) {
            text.append(failure.crash().template())
                    .append(' ')
                    .append(String.join(" ", failure.crash().samples()));
        }
        if (failure.error() != null) {
            text.append(' ').append(LogMessages.message(failure.error().template()));
        }
        if (failure.oom() != null) {
            text.append(" OOMKilled");
        }
        return text.toString();
    }
}
