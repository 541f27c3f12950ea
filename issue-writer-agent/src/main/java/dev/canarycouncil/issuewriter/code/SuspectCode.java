package dev.canarycouncil.issuewriter.code;

import java.util.ArrayList;
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

    /** This lookup with a note first, e.g. why the request's repository was not searched. */
    public SuspectCode withNoteFirst(String note) {
        List<String> all = new ArrayList<>();
        all.add(note);
        all.addAll(notes);
        return new SuspectCode(looked, excerpts, all);
    }

    public static SuspectCode note(String note) {
        return new SuspectCode(true, List.of(), List.of(note));
    }
}
