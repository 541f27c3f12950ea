package dev.canarycouncil.loganalyst.ingest;

/**
 * Removes the terminal colour codes some loggers write even when nobody is watching a terminal
 * (tracing-subscriber, Serilog's and many Node loggers' coloured consoles), so the line's own
 * timestamp and level are found where they would be without colour.
 */
final class Ansi {

    private static final char ESC = '\u001b';

    private Ansi() {}

    static boolean has(char[] buffer, int start, int end) {
        for (int i = start; i < end; i++) {
            if (buffer[i] == ESC) {
                return true;
            }
        }
        return false;
    }

    /** The text without its escape sequences: CSI ({@code ESC [ ... letter}) and two-character escapes. */
    static String strip(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != ESC) {
                out.append(c);
                continue;
            }
            if (i + 1 < n && s.charAt(i + 1) == '[') {
                int j = i + 2;
                while (j < n && !(s.charAt(j) >= '@' && s.charAt(j) <= '~')) {
                    j++;
                }
                i = j;
            } else {
                i++;
            }
        }
        return out.toString();
    }
}
