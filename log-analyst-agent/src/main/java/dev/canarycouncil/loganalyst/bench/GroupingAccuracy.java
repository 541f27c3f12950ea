package dev.canarycouncil.loganalyst.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grouping accuracy as the LogHub benchmark defines it: a line counts as correct when the set of
 * lines its parser put it with equals the set of lines sharing its ground-truth event id.
 */
public final class GroupingAccuracy {

    private GroupingAccuracy() {}

    /** @param parsed one group label per line (any value); null labels are never correct */
    public static double of(List<String> truth, List<Object> parsed) {
        if (truth.size() != parsed.size()) {
            throw new IllegalArgumentException("truth has " + truth.size() + " lines, parsed " + parsed.size());
        }
        Map<String, Integer> truthSizes = new HashMap<>();
        for (String t : truth) {
            truthSizes.merge(t, 1, Integer::sum);
        }
        Map<Object, Map<String, Integer>> groups = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            if (parsed.get(i) != null) {
                groups.computeIfAbsent(parsed.get(i), k -> new HashMap<>()).merge(truth.get(i), 1, Integer::sum);
            }
        }
        long correct = 0;
        for (Map<String, Integer> members : groups.values()) {
            if (members.size() == 1) {
                Map.Entry<String, Integer> only = members.entrySet().iterator().next();
                if (only.getValue().equals(truthSizes.get(only.getKey()))) {
                    correct += only.getValue();
                }
            }
        }
        return truth.isEmpty() ? 0 : (double) correct / truth.size();
    }
}
