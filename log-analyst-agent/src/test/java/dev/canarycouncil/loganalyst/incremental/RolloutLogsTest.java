package dev.canarycouncil.loganalyst.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.loganalyst.ingest.Side;
import dev.canarycouncil.runtime.tools.ContainerLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RolloutLogsTest {

    private static final Instant START = Instant.parse("2026-05-05T10:00:00Z");

    /** What reached the record pipeline, line by line. */
    private final List<String> read = new ArrayList<>();

    private final RolloutLogs logs = new RolloutLogs((side, source, reader) -> {
        try (BufferedReader lines = new BufferedReader(reader)) {
            lines.lines().forEach(l -> read.add(source + ": " + l));
        }
    });

    private static String lines(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> START.plusSeconds(i) + " INFO served request " + i)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static ContainerLog log(boolean previous, String text) {
        return new ContainerLog(
                "orders-1", "app", previous, text, (int) text.lines().count(), false);
    }

    private static RolloutLogs.Restarts restarts(int n) {
        return new RolloutLogs.Restarts(Map.of("orders-1", Map.of("app", n)));
    }

    @Test
    void aRestartBetweenCallsReadsTheRestOfTheOldContainerAndAllOfTheNewOne() throws IOException {
        assertTrue(logs.add(Side.CANARY, List.of(log(false, lines(0, 10))), restarts(0)));
        assertFalse(logs.previousUnread("orders-1", 0));
        // The container crashed after writing lines 10 to 14; the new one wrote 15 to 19.
        assertTrue(logs.previousUnread("orders-1", 1));
        read.clear();
        assertTrue(logs.add(Side.CANARY, List.of(log(false, lines(15, 20)), log(true, lines(0, 15))), restarts(1)));
        assertEquals(10, read.size(), read::toString);
        assertEquals(
                5,
                read.stream()
                        .filter(l -> l.startsWith("orders-1/app (previous)"))
                        .count());
        assertTrue(read.contains("orders-1/app (previous): " + START.plusSeconds(10) + " INFO served request 10"));
        assertFalse(logs.previousUnread("orders-1", 1), "the old container was read");

        read.clear();
        assertTrue(logs.add(Side.CANARY, List.of(log(false, lines(15, 25))), restarts(1)));
        assertEquals(5, read.size(), "only what the new container wrote since: " + read);
    }

    @Test
    void aPreviousLogThatDidNotComeIsAskedForAgain() throws IOException {
        logs.add(Side.CANARY, List.of(log(false, lines(0, 10))), restarts(0));
        // The pod restarted, but fetching its previous log failed: only the new container's came.
        logs.add(Side.CANARY, List.of(log(false, lines(15, 20))), restarts(1));
        assertTrue(logs.previousUnread("orders-1", 1), "the crashed container's last lines are still unread");
    }

    @Test
    void thePodIsFetchedFromALittleBeforeTheLastLinesRead() throws IOException {
        assertEquals(START, logs.since("orders-1", START), "never read: the window's start");
        logs.add(Side.CANARY, List.of(log(false, lines(0, 600))), restarts(0));
        Instant since = logs.since("orders-1", START);
        assertEquals(START.plusSeconds(599 - 7).minus(LogCursor.MARGIN), since);
        assertEquals(START, logs.since("orders-2", START), "another pod is not this one");
    }

    @Test
    void aLogThatNoLongerHoldsThePlaceIsNotLinedUpAndNothingIsAdded() throws IOException {
        logs.add(Side.CANARY, List.of(log(false, lines(0, 10))), restarts(0));
        read.clear();
        assertFalse(logs.add(Side.CANARY, List.of(log(false, lines(50, 60))), restarts(0)));
        assertTrue(read.isEmpty());
    }
}
