package dev.canarycouncil.issuewriter.code;

import java.util.List;

/**
 * The code the evidence points at, and what got in the way of finding it.
 *
 * @param looked    whether a lookup was attempted at all (false when no code tools are configured)
 * @param excerpts  quoted lines, most relevant first
 * @param notes     why something could not be quoted, for the reader of the issue
 */
public record SuspectCode(boolean looked, List<CodeExcerpt> excerpts, List<String> notes) {

    public static final SuspectCode NOT_LOOKED_UP = new SuspectCode(false, List.of(), List.of());

    public SuspectCode {
        excerpts = List.copyOf(excerpts);
        notes = List.copyOf(notes);
    }

    public static SuspectCode note(String note) {
        return new SuspectCode(true, List.of(), List.of(note));
    }
}
