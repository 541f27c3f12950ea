package dev.canarycouncil.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What the production history says: the council's record against what became of each canary. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.RUNTIME,
        description = "Read the analysis history that `serve` keeps.",
        subcommands = {HistoryReportCommand.class})
final class HistoryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose what to read: report");
    }
}
