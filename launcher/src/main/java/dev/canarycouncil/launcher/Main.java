package dev.canarycouncil.launcher;

import java.util.Arrays;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one runnable jar. */
@Command(
        name = "canary-council",
        mixinStandardHelpOptions = true,
        version = "canary-council 0.1.0",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.RUNTIME,
        description = "Decides whether a canary release may be promoted: a council of agents over A2A and MCP.",
        subcommands = {
            AnalyzeCommand.class,
            ServeCommand.class,
            ChatCommand.class,
            EvalCommand.class,
            BenchCommand.class,
            HistoryCommand.class,
            SecretCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        configureLogging(args);
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            commandLine.getErr().println("error: " + describe(e));
            if (System.getenv("CANARY_COUNCIL_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return ExitCodes.RUNTIME;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // An Error passes picocli's handler; say what to do instead of printing a stack trace.
            System.err.println(
                    "error: out of memory (heap limit " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                            + " MiB); give the JVM more with -Xmx, e.g. java -Xmx1g -jar canary-council.jar ...");
            return ExitCodes.RUNTIME;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command");
    }

    /** Before any logger exists: quiet libraries, our own INFO only where it helps (serve). */
    private static void configureLogging(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        boolean serve = args.length > 0 && args[0].equals("serve");
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        setDefault("org.slf4j.simpleLogger.log.dev.canarycouncil", verbose ? "debug" : serve ? "info" : "warn");
        // The MCP SDK logs a stack trace at WARN when a session's closing DELETE finds its server already
        // stopped (every eval case shuts its council down); nothing is lost, so only --verbose shows it.
        setDefault("org.slf4j.simpleLogger.log.io.modelcontextprotocol.spec.McpTransport", verbose ? "warn" : "error");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSX");
        setDefault("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
