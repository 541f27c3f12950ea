package dev.canarycouncil.issuewriter.filing;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.schema.FailureSignature;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hidden lines in issue and comment bodies that let the filer recognise its own work: the
 * failure's fingerprint (one open issue per failure) and the analysis that produced an issue or
 * a comment (one issue or comment per analysis, however often filing is retried).
 */
public final class IssueMarkers {

    public static final String FINGERPRINT = "canary-council-fingerprint";
    public static final String ANALYSIS = "canary-council-analysis";
    /** A fix check's comment, apart from the same analysis' occurrence comment on a failed fix. */
    public static final String FIX_CHECK = "canary-council-fix-check";
    /** The rollout an issue was filed for, printed visibly too so that search finds a rollout's issues. */
    public static final String ROLLOUT = "canary-council-rollout";
    /** The failure's log signature, for a council without the issue in its history to check the fix. */
    public static final String SIGNATURE = "canary-council-signature";

    private static final Pattern ANY_MARKER =
            Pattern.compile("(?m)^<!-- canary-council-(?:fingerprint|analysis|fix-check|signature): [^>]* -->\\n?");
    private static final Pattern FINGERPRINT_LINE = Pattern.compile("<!-- " + FINGERPRINT + ": ([0-9a-f]+) -->");

    private static final Pattern SIGNATURE_LINE = Pattern.compile("<!-- " + SIGNATURE + ": ([A-Za-z0-9_=-]+) -->");

    private IssueMarkers() {}

    public static String rolloutPhrase(String namespace, String rollout) {
        return ROLLOUT + ": " + namespace + "/" + rollout;
    }

    /** Base64 keeps the template's own {@code -->} or line breaks from ending the comment early. */
    public static String signatureLine(FailureSignature signature) {
        try {
            byte[] json = Json.mapper().writeValueAsBytes(signature);
            return "<!-- " + SIGNATURE + ": " + Base64.getUrlEncoder().encodeToString(json) + " -->";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a failure signature cannot be written: " + e.getOriginalMessage(), e);
        }
    }

    /** The signature an issue's body carries; empty when it has none or it cannot be read (edited by hand). */
    public static Optional<FailureSignature> signatureOf(String body) {
        Matcher m = SIGNATURE_LINE.matcher(body == null ? "" : body);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    Json.mapper().readValue(Base64.getUrlDecoder().decode(m.group(1)), FailureSignature.class));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String fingerprintLine(String fingerprint) {
        return "<!-- " + FINGERPRINT + ": " + fingerprint + " -->";
    }

    public static String analysisLine(String analysisId) {
        return "<!-- " + ANALYSIS + ": " + analysisId + " -->";
    }

    /** The text a search for the fingerprint should find; also printed visibly, as search may skip HTML comments. */
    public static String fingerprintPhrase(String fingerprint) {
        return FINGERPRINT + ": " + fingerprint;
    }

    public static boolean hasFingerprint(String body, String fingerprint) {
        return body != null && body.contains(fingerprintLine(fingerprint));
    }

    public static String fixCheckLine(String analysisId) {
        return "<!-- " + FIX_CHECK + ": " + analysisId + " -->";
    }

    public static boolean hasFixCheck(String body, String analysisId) {
        return body != null && body.contains(fixCheckLine(analysisId));
    }

    public static boolean hasAnalysis(String body, String analysisId) {
        return body != null && body.contains(analysisLine(analysisId));
    }

    public static Optional<String> fingerprintOf(String body) {
        Matcher m = FINGERPRINT_LINE.matcher(body == null ? "" : body);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The body without marker lines, to quote it elsewhere without it being taken for the original. */
    public static String withoutMarkers(String body) {
        return ANY_MARKER.matcher(body).replaceAll("");
    }
}
