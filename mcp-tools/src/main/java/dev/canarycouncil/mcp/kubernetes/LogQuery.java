package dev.canarycouncil.mcp.kubernetes;

import java.time.Instant;

/**
 * What logs to read.
 *
 * @param container   one container, or null for all containers of the pod
 * @param tailLines   only the last lines, or null for all
 * @param since       only lines at or after this time, or null
 * @param previous    the previous (crashed) container instead of the current one
 * @param limitBytes  at most this many bytes per container; the rest is cut and reported
 */
public record LogQuery(
        String namespace,
        String pod,
        String container,
        Integer tailLines,
        Instant since,
        boolean previous,
        long limitBytes) {}
