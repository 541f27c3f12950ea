package dev.canarycouncil.orchestrator.verification;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the canary's pods say about the code they run: their images, labels and annotations. A
 * commit shows there as a hex run of 7 to 40 characters: an image tag ({@code checkout:3f2a9c1},
 * {@code checkout:sha-3f2a9c1d}), a label such as {@code app.kubernetes.io/version}, or an annotation
 * a pipeline writes. An image digest is not a commit and is left out.
 *
 * @param references the images, label values and annotation values of the canary's pods
 * @param problem    why the pods could not be read; "" when they were
 */
public record CanaryRevision(List<String> references, String problem) {

    private static final Pattern HEX = Pattern.compile("(?<![0-9a-f])[0-9a-f]{7,40}(?![0-9a-f])");

    public CanaryRevision {
        references = references == null ? List.of() : List.copyOf(references);
        problem = problem == null ? "" : problem;
    }

    public static CanaryRevision of(List<String> references) {
        return new CanaryRevision(references, "");
    }

    public static CanaryRevision unread(String why) {
        return new CanaryRevision(List.of(), why);
    }

    /** Whether the pods name {@code commit} (in full or abbreviated to at least 7 characters). */
    public boolean runs(String commit) {
        String sha = commit == null ? "" : commit.toLowerCase(Locale.ROOT);
        if (sha.length() < 7) {
            return false;
        }
        for (String reference : references) {
            Matcher m = HEX.matcher(withoutDigest(reference.toLowerCase(Locale.ROOT)));
            while (m.find()) {
                if (sha.startsWith(m.group())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String withoutDigest(String reference) {
        int at = reference.indexOf("@sha256:");
        return at < 0 ? reference : reference.substring(0, at);
    }
}
