package dev.canarycouncil.examples.migrationchecker;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * The command line of the standalone agent. Parsed by hand, on purpose: the example shows that
 * agent-runtime is all an agent needs.
 *
 * @param publicUrl  the URL written into the agent card, or null for {@code http://host:port}
 * @param help       only print the usage
 */
public record LaunchOptions(String host, int port, String mcpUrl, String publicUrl, boolean help) {

    public static final int DEFAULT_PORT = 8085;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String MCP_URL_ENV = "CANARY_COUNCIL_MCP_URL";
    public static final String USAGE = """
            usage: migration-checker --mcp-url URL [--port N] [--host H] [--public-url URL]
              --mcp-url URL     the MCP server's endpoint, e.g. http://127.0.0.1:8090/mcp (env CANARY_COUNCIL_MCP_URL)
              --port N          port to listen on, 0 for a free one (default 8085)
              --host H          address to bind (default 127.0.0.1; 0.0.0.0 in a container)
              --public-url URL  the URL peers reach this agent at, written into its card (default http://HOST:PORT)""";

    /**
     * @param env  the environment, for the {@code CANARY_COUNCIL_MCP_URL} fallback
     * @throws UsageException on an unknown option, a missing or bad value, or no MCP URL at all
     */
    public static LaunchOptions parse(List<String> args, Map<String, String> env) {
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        String mcpUrl = null;
        String publicUrl = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                return new LaunchOptions(host, port, mcpUrl, publicUrl, true);
            }
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            String value;
            if (eq > 0 && arg.startsWith("--")) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                value = null;
            }
            switch (name) {
                case "--port" -> port = port(required(name, value));
                case "--host" -> host = required(name, value);
                case "--mcp-url" -> mcpUrl = httpUrl(name, required(name, value));
                case "--public-url" -> publicUrl = httpUrl(name, required(name, value));
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (mcpUrl == null) {
            String fromEnv = env.get(MCP_URL_ENV);
            if (fromEnv == null || fromEnv.isBlank()) {
                throw new UsageException("--mcp-url is required (or set " + MCP_URL_ENV + ")");
            }
            mcpUrl = httpUrl(MCP_URL_ENV, fromEnv.strip());
        }
        return new LaunchOptions(host, port, mcpUrl, publicUrl, false);
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new UsageException(name + " needs a value");
        }
        return value;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the value.
        }
        throw new UsageException("--port must be a number from 0 to 65535, was '" + value + "'");
    }

    private static String httpUrl(String name, String value) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // Reported below, with the value.
        }
        throw new UsageException(
                name + " must be an http(s) URL such as http://127.0.0.1:8090/mcp, was '" + value + "'");
    }
}
