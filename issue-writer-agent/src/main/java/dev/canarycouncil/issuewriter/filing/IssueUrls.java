package dev.canarycouncil.issuewriter.filing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which issue of one repository a page address names, if it names one of that repository. */
final class IssueUrls {

    private final Pattern issue;

    IssueUrls(String repository) {
        this.issue = Pattern.compile("/" + Pattern.quote(repository) + "/issues/(\\d+)$");
    }

    /** The issue's number; empty for another repository's issue, a pull request or no address. */
    Optional<Integer> number(String url) {
        Matcher m = issue.matcher(url == null ? "" : url);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
