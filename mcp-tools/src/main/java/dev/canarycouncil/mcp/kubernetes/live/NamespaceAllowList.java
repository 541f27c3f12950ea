package dev.canarycouncil.mcp.kubernetes.live;

import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import java.util.Set;
import java.util.TreeSet;

/**
 * The namespaces the tools may read. Checked before any API call, so a namespace outside the
 * list costs nothing and reveals nothing, not even whether it exists.
 */
final class NamespaceAllowList {

    private final Set<String> allowed;

    NamespaceAllowList(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    void check(String namespace) {
        if (namespace == null || namespace.isBlank()) {
            throw new ToolException(Kind.INVALID_ARGUMENT, "namespace is required");
        }
        if (!allowed.contains(namespace)) {
            throw new ToolException(
                    Kind.NOT_ALLOWED,
                    "namespace " + namespace + " is not in this server's allow-list (allowed: "
                            + String.join(", ", new TreeSet<>(allowed)) + ")");
        }
    }
}
