/**
 * The JSON shapes the MCP Kubernetes tools answer with, shared by the server that writes them and
 * the agents that read them so the two cannot drift apart.
 */
package dev.canarycouncil.runtime.tools;
