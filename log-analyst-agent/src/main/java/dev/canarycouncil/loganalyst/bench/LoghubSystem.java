package dev.canarycouncil.loganalyst.bench;

import java.util.List;

/**
 * One LogHub system's labelled lines and the settings Drain's published figures were obtained with.
 *
 * @param contents    the message part of each line (after the system's header format)
 * @param eventIds    the ground-truth template id of each line
 * @param masks       regular expressions replaced by {@code <*>} before parsing
 */
public record LoghubSystem(
        String name,
        List<String> contents,
        List<String> eventIds,
        List<String> masks,
        double similarityThreshold,
        int depth) {}
