package dev.canarycouncil.runtime.redaction;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets and personal data in text with {@code <redacted:kind>}: private keys, bearer
 * and basic credentials, credentials in URLs, JWTs, well-known API key and token formats,
 * {@code password=}/{@code token=}-style values, e-mail addresses and card numbers (Luhn-checked,
 * so ids and timestamps survive). Runs on every text before it leaves an agent.
 */
public final class Redactor {

    private record Rule(Pattern pattern, String kind, int secretGroup) {}

    private static final List<Rule> RULES = List.of(
            new Rule(
                    Pattern.compile(
                            "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)"),
                    "private-key",
                    0),
            new Rule(Pattern.compile("(?i)\\b(?:bearer)\\s+([A-Za-z0-9\\-._~+/]{8,}=*)"), "bearer", 1),
            new Rule(Pattern.compile("(?i)\\b(?:basic)\\s+([A-Za-z0-9+/]{8,}={0,2})(?![\\w+/])"), "basic-auth", 1),
            new Rule(Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://([^/\\s:@]+:[^/\\s@]+)@"), "credentials", 1),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}"), "token", 0),
            new Rule(Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), "api-key", 0),
            new Rule(Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"), "api-key", 0),
            new Rule(Pattern.compile("\\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"), "api-key", 0),
            new Rule(Pattern.compile("\\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}"), "api-key", 0),
            new Rule(Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,})"), "token", 0),
            new Rule(Pattern.compile("\\bxox[baprs]-[A-Za-z0-9-]{10,}"), "token", 0));

    private static final Pattern KEY_VALUE = Pattern.compile(
            // Names may be prefixed (DB_PASSWORD, github_token, x.api_key): no letter or digit right before.
            // A bare "pass" only right before its value: "PASS: canary 0.3%" is a test result.
            "(?i)(?<![A-Za-z0-9])(password|passwd|pwd|pass(?=[\"']?[:=][^\\s])|secret|client[_-]?secret|api[_-]?key|apikey|x-api-key|access[_-]?key|"
                    + "secret[_-]?key|private[_-]?key|access[_-]?token|refresh[_-]?token|id[_-]?token|auth[_-]?token|token|"
                    + "session[_-]?id|sessionid|cookie|authorization)(\"?'?\\s*[:=]\\s*\"?'?)"
                    + "(?!<redacted|(?i:bearer|basic)\\s)([^\\s\"'&,;}]+)");
    private static final Pattern EMAIL = Pattern.compile("\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}\\b");
    private static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b");

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule rule : RULES) {
            out = replace(out, rule.pattern(), rule.secretGroup(), m -> "<redacted:" + rule.kind() + ">");
        }
        out = replace(out, KEY_VALUE, 3, m -> "<redacted:" + kindOfKey(m.group(1)) + ">");
        out = replace(out, EMAIL, 0, m -> "<redacted:email>");
        out = replace(out, CARD, 0, m -> isCardNumber(m.group()) ? "<redacted:card>" : null);
        return out;
    }

    /** Redacts every element. */
    public List<String> redact(List<String> texts) {
        return texts.stream().map(this::redact).toList();
    }

    private interface Replacement {
        String apply(Matcher m);
    }

    /** Replaces {@code group} of each match; a null replacement keeps the match as it is. */
    private static String replace(String text, Pattern pattern, int group, Replacement replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String value = replacement.apply(m);
            if (value == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, m.start(group)).append(value);
            last = m.end(group);
        }
        if (out == null) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }

    private static String kindOfKey(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (k.startsWith("pass") || k.equals("pwd")) {
            return "password";
        }
        if (k.contains("apikey") || k.contains("accesskey") || k.contains("secretkey")) {
            return "api-key";
        }
        if (k.contains("secret") || k.contains("privatekey")) {
            return "secret";
        }
        if (k.contains("session") || k.equals("cookie")) {
            return "session";
        }
        if (k.equals("authorization")) {
            return "authorization";
        }
        return "token";
    }

    /** Card brands' prefixes and lengths, and the Luhn checksum. */
    static boolean isCardNumber(String candidate) {
        String digits = candidate.replaceAll("[ -]", "");
        int n = digits.length();
        if (n < 13 || n > 19) {
            return false;
        }
        boolean brand = digits.startsWith("4")
                || digits.matches("^(5[1-5]|2(2[2-9]|[3-6]\\d|7[01]|720)).*")
                || digits.matches("^3[47].*")
                || digits.matches("^(6011|65|64[4-9]|622).*")
                || digits.matches("^35(2[89]|[3-8]).*")
                || digits.matches("^3(0[0-5]|[68]).*");
        if (!brand) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < n; i++) {
            int d = digits.charAt(n - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
