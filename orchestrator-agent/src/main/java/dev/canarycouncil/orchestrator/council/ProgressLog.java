package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.runtime.agent.Progress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Passes progress on and keeps a copy for the history; a runaway member cannot make it grow without end. */
final class ProgressLog implements Progress {

    /** An analysis reports a few dozen lines; past this the rest is counted, not kept. */
    static final int MAX_EVENTS = 500;

    private final Progress next;
    private final Clock clock;
    private final List<FinishedAnalysis.ProgressEvent> events = new ArrayList<>();
    private int dropped;

    ProgressLog(Progress next, Clock clock) {
        this.next = next;
        this.clock = clock;
    }

    @Override
    public void report(String text) {
        synchronized (events) {
            if (events.size() < MAX_EVENTS) {
                events.add(new FinishedAnalysis.ProgressEvent(clock.instant(), ProgressText.clean(text)));
            } else {
                dropped++;
            }
        }
        next.report(text);
    }

    List<FinishedAnalysis.ProgressEvent> events() {
        synchronized (events) {
            List<FinishedAnalysis.ProgressEvent> copy = new ArrayList<>(events);
            if (dropped > 0) {
                copy.add(new FinishedAnalysis.ProgressEvent(
                        clock.instant(), dropped + " further progress line(s) not kept"));
            }
            return copy;
        }
    }
}
