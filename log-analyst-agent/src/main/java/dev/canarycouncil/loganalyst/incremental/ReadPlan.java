package dev.canarycouncil.loganalyst.incremental;

import java.time.Instant;

/** What the collector fetches of each pod: logs from when, and the previous container's or not. */
public interface ReadPlan {

    /** Everything in the window, as a call with nothing kept reads it. */
    ReadPlan WHOLE_WINDOW = new ReadPlan() {
        @Override
        public Instant since(String pod, Instant windowStart) {
            return windowStart;
        }

        @Override
        public boolean previousUnread(String pod, int restarts) {
            return restarts > 0;
        }
    };

    Instant since(String pod, Instant windowStart);

    /** Whether to fetch the previous container's logs of a pod that restarted {@code restarts} times. */
    boolean previousUnread(String pod, int restarts);
}
