package dev.canarycouncil.issuewriter.filing;

/**
 * What GitHub confirmed for one draft.
 *
 * @param state   {@code filed} or {@code commented}
 * @param number  the issue's number
 * @param url     the issue's web address
 * @param detail  what happened, in words: "filed #12", "commented on #7"
 */
record FilingOutcome(String state, int number, String url, String detail) {

    static FilingOutcome filed(int number, String url) {
        return new FilingOutcome("filed", number, url, "filed #" + number);
    }

    static FilingOutcome commented(int number, String url) {
        return new FilingOutcome("commented", number, url, "commented on #" + number);
    }

    /** An earlier attempt went through though its answer never arrived; nothing was sent again. */
    FilingOutcome alreadyDone() {
        return new FilingOutcome(state, number, url, detail + " (by an earlier attempt whose answer was lost)");
    }
}
