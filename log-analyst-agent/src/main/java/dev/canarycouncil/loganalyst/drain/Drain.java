package dev.canarycouncil.loganalyst.drain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Online log-template mining with a fixed-depth prefix tree (Drain: He, Zhu, Zheng and Lyu,
 * ICWS 2017). Lines are routed by token count and then by their first tokens; at the leaf the
 * most similar template wins if its share of equal tokens reaches the threshold, else the line
 * starts a new template. Behaviour follows the reference Python implementation, so published
 * accuracy figures are comparable, but it allocates little and runs at hundreds of thousands of
 * lines per second.
 *
 * <p>Not thread-safe: one parser per analysis.
 */
public final class Drain {

    /** The variable placeholder; identity-compared internally, so always use this instance. */
    public static final String WILDCARD = "<*>";

    private final int treeDepth;
    private final double threshold;
    private final int maxChildren;
    private final int maxClusters;
    private final Map<Integer, Node> byLength = new HashMap<>();
    private final List<LogCluster> clusters = new ArrayList<>();

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        List<LogCluster> clusters;
    }

    /**
     * @param depth               tree depth as the reference implementation counts it (root and
     *                            length layers included; 4 means one token layer)
     * @param similarityThreshold share of equal tokens needed to join a template (0–1)
     * @param maxChildren         children per tree node before tokens share a wildcard branch
     * @param maxClusters         templates at most; lines that would start more are refused
     */
    public Drain(int depth, double similarityThreshold, int maxChildren, int maxClusters) {
        if (depth < 3) {
            throw new IllegalArgumentException("depth must be at least 3, was " + depth);
        }
        this.treeDepth = depth - 2;
        this.threshold = similarityThreshold;
        this.maxChildren = maxChildren;
        this.maxClusters = maxClusters;
    }

    /** The reference behaviour, for comparing with published figures. */
    public static Drain reference(int depth, double similarityThreshold) {
        return new Drain(depth, similarityThreshold, 100, Integer.MAX_VALUE);
    }

    /**
     * Adds a line given as tokens (variables already replaced by {@link #WILDCARD} where known).
     *
     * @return its cluster, or null when the cluster limit refused a new template
     */
    public LogCluster add(String[] tokens) {
        LogCluster match = search(tokens);
        if (match != null) {
            match.absorb(tokens);
            return match;
        }
        if (clusters.size() >= maxClusters) {
            return null;
        }
        LogCluster created = new LogCluster(clusters.size(), tokens.clone());
        created.absorb(tokens);
        clusters.add(created);
        insert(created);
        return created;
    }

    public List<LogCluster> clusters() {
        return clusters;
    }

    private LogCluster search(String[] tokens) {
        Node node = byLength.get(tokens.length);
        if (node == null) {
            return null;
        }
        int depth = 1;
        for (String token : tokens) {
            if (depth >= treeDepth || depth > tokens.length) {
                break;
            }
            Node next = node.children.get(token);
            if (next == null) {
                next = node.children.get(WILDCARD);
            }
            if (next == null) {
                return null;
            }
            node = next;
            depth++;
        }
        return node.clusters == null ? null : bestMatch(node.clusters, tokens);
    }

    private LogCluster bestMatch(List<LogCluster> candidates, String[] tokens) {
        LogCluster best = null;
        double bestSimilarity = -1;
        int bestParams = -1;
        for (LogCluster cluster : candidates) {
            String[] template = cluster.templateTokens();
            int same = 0;
            int params = 0;
            for (int i = 0; i < template.length; i++) {
                String t = template[i];
                if (t == WILDCARD) {
                    params++;
                } else if (t.equals(tokens[i])) {
                    same++;
                }
            }
            if (same + params == template.length && params > 0 && sameWildcards(template, tokens)) {
                // The line is this template exactly, wildcards where it has them: Drain's share of
                // equal constant tokens would leave a mostly variable line (an Envoy access line) below
                // the threshold and start a duplicate template for every occurrence.
                return cluster;
            }
            double similarity = template.length == 0 ? 1.0 : (double) same / template.length;
            if (similarity > bestSimilarity || (similarity == bestSimilarity && params > bestParams)) {
                best = cluster;
                bestSimilarity = similarity;
                bestParams = params;
            }
        }
        return bestSimilarity >= threshold ? best : null;
    }

    private static boolean sameWildcards(String[] template, String[] tokens) {
        for (int i = 0; i < template.length; i++) {
            if (template[i] == WILDCARD && !WILDCARD.equals(tokens[i])) {
                return false;
            }
        }
        return true;
    }

    private void insert(LogCluster cluster) {
        String[] template = cluster.templateTokens();
        Node node = byLength.computeIfAbsent(template.length, n -> new Node());
        int depth = 1;
        for (String token : template) {
            if (depth >= treeDepth || depth > template.length) {
                break;
            }
            Node next = node.children.get(token);
            if (next == null) {
                next = child(node, token);
            }
            node = next;
            depth++;
        }
        if (node.clusters == null) {
            node.clusters = new ArrayList<>(2);
        }
        node.clusters.add(cluster);
    }

    /** A new branch for {@code token}, or the shared wildcard branch when tokens look variable or the node is full. */
    private Node child(Node node, String token) {
        Map<String, Node> children = node.children;
        if (hasDigit(token)) {
            return children.computeIfAbsent(WILDCARD, k -> new Node());
        }
        if (children.containsKey(WILDCARD)) {
            if (children.size() < maxChildren) {
                Node created = new Node();
                children.put(token, created);
                return created;
            }
            return children.get(WILDCARD);
        }
        if (children.size() + 1 < maxChildren) {
            Node created = new Node();
            children.put(token, created);
            return created;
        }
        if (children.size() + 1 == maxChildren) {
            return children.computeIfAbsent(WILDCARD, k -> new Node());
        }
        return children.get(WILDCARD);
    }

    private static boolean hasDigit(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isDigit(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Splits on runs of whitespace, as Python's {@code str.split()} does. */
    public static String[] tokenize(String line) {
        int n = line.length();
        int count = 0;
        boolean inToken = false;
        for (int i = 0; i < n; i++) {
            boolean ws = isSpace(line.charAt(i));
            if (!ws && !inToken) {
                count++;
            }
            inToken = !ws;
        }
        String[] tokens = new String[count];
        int t = 0;
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean ws = i == n || isSpace(line.charAt(i));
            if (!ws && start < 0) {
                start = i;
            } else if (ws && start >= 0) {
                String token = line.substring(start, i);
                tokens[t++] = token.equals(WILDCARD) ? WILDCARD : token;
                start = -1;
            }
        }
        return tokens;
    }

    /** Printable ASCII first: nearly every character of a log line, and one comparison. */
    private static boolean isSpace(char c) {
        return (c <= ' ' || c >= 0x7f) && Character.isWhitespace(c);
    }
}
