package dev.canarycouncil.loganalyst.incremental;

import dev.canarycouncil.loganalyst.ingest.Side;
import java.io.IOException;
import java.io.Reader;

/** Where the unread lines go: the analyst's record pipeline. */
@FunctionalInterface
public interface LineSink {
    void read(Side side, String source, Reader reader) throws IOException;
}
