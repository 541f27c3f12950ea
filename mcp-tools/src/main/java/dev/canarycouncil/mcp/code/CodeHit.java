package dev.canarycouncil.mcp.code;

/** A line of source code matching a search. */
public record CodeHit(String path, int line, String text) {}
