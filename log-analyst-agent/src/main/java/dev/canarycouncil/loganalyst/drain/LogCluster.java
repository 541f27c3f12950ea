package dev.canarycouncil.loganalyst.drain;

/**
 * A group of log lines sharing one template. The template's tokens become {@link Drain#WILDCARD}
 * where the lines of the group differ.
 */
public final class LogCluster {

    private final int id;
    private String[] template;
    private long size;

    LogCluster(int id, String[] template) {
        this.id = id;
        this.template = template;
    }

    /** Sequential from 0 in creation order, so callers can keep per-cluster data in a list. */
    public int id() {
        return id;
    }

    public String[] templateTokens() {
        return template;
    }

    public String template() {
        return String.join(" ", template);
    }

    /** Lines added to this cluster. */
    public long size() {
        return size;
    }

    void absorb(String[] tokens) {
        size++;
        String[] current = template;
        String[] updated = null;
        for (int i = 0; i < current.length; i++) {
            if (current[i] != Drain.WILDCARD && !current[i].equals(tokens[i])) {
                if (updated == null) {
                    updated = current.clone();
                }
                updated[i] = Drain.WILDCARD;
            }
        }
        if (updated != null) {
            template = updated;
        }
    }
}
