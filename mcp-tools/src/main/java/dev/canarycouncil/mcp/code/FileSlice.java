package dev.canarycouncil.mcp.code;

/** Lines {@code startLine..endLine} (1-based, inclusive) of a source file. */
public record FileSlice(String path, int startLine, int endLine, int totalLines, String text) {}
