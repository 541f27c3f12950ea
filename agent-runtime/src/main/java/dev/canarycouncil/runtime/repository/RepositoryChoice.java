package dev.canarycouncil.runtime.repository;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The repository an analysis searches code in and files its issue in.
 *
 * @param fullName  {@code owner/name}; blank when no repository is configured
 * @param branch    the branch to read code at; blank for the default branch
 * @param refusal   why the repository the request named is not used; blank when it is, or none was named
 * @param requested true when the request named this repository and the allow-list let it
 */
public record RepositoryChoice(String fullName, String branch, String refusal, boolean requested) {

    public boolean refused() {
        return !refusal.isEmpty();
    }

    /** The code tools' {@code repository} and {@code branch} arguments: none unless the request's repository is used. */
    public Map<String, String> toolArguments() {
        if (!requested) {
            return Map.of();
        }
        Map<String, String> args = new LinkedHashMap<>();
        args.put("repository", fullName);
        if (!branch.isEmpty()) {
            args.put("branch", branch);
        }
        return args;
    }
}
