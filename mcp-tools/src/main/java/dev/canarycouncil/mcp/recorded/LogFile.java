package dev.canarycouncil.mcp.recorded;

import java.nio.file.Path;

/** A file under {@code logs/}: {@code <pod>[.<container>][.previous].log}. */
record LogFile(String pod, String container, boolean previous, Path path) {}
