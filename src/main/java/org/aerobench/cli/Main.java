package org.aerobench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point: {@code aerobench <command>}. Each place of the project contributes its own
 * sub-command class; registering one is one line in {@code subcommands}.
 */
@Command(
    name = "aerobench",
    mixinStandardHelpOptions = true,
    version = "aerobench 0.1.0",
    description = "Aerospike client styles under load: embedded server, target app, reports.",
    subcommands = {
      CommandLine.HelpCommand.class,
      org.aerobench.app.ServeCommand.class,
      org.aerobench.embedded.EmbeddedServerCommand.class,
      org.aerobench.data.SeedCommand.class,
      org.aerobench.bench.ClientBenchCommand.class,
      org.aerobench.report.CompareCommand.class,
      org.aerobench.report.GateCommand.class,
      org.aerobench.report.CalibrateCommand.class
    })
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main());
  }
}
