package org.aerobench.simulations.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aerobench.report.RunFolders;

/**
 * Where Gatling writes its run folders in this JVM. Gatling 3.15 has no configuration key for it
 * any more: the folder is its {@code --results-folder} ({@code -rf}) argument, which the Maven
 * plugin sets from its {@code resultsFolder} ({@code ${project.build.directory}/gatling}) and the
 * injector image's command line gives itself. So the folder is read from this JVM's own arguments:
 * the arguments file the Maven plugin's forked JVM starts from ({@value #PLUGIN_ARGS}, one argument
 * a line), else the command line ({@code sun.java.command}); without either, {@link
 * RunFolders#GATLING_RESULTS}.
 */
public final class GatlingResults {

  /** The Maven plugin's fork passes the main class and its arguments in this class-path file. */
  static final String PLUGIN_ARGS = "META-INF/args.txt";

  private GatlingResults() {}

  /** This JVM's results folder, relative paths resolved against {@code projectDir}. */
  public static Path ofThisJvm(Path projectDir) {
    List<String> args = pluginArgs();
    if (args.isEmpty()) {
      String command = System.getProperty("sun.java.command");
      args = command == null ? List.of() : Arrays.asList(command.trim().split("\\s+"));
    }
    return folder(args, projectDir);
  }

  /** The value of {@code --results-folder}/{@code -rf} among {@code args}, else the default. */
  static Path folder(List<String> args, Path projectDir) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i).trim();
      if ((arg.equals("--results-folder") || arg.equals("-rf")) && i + 1 < args.size()) {
        return projectDir.resolve(args.get(i + 1).trim());
      }
      if (arg.startsWith("--results-folder=")) {
        return projectDir.resolve(arg.substring("--results-folder=".length()));
      }
    }
    return projectDir.resolve(RunFolders.GATLING_RESULTS);
  }

  private static List<String> pluginArgs() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    List<String> lines = new ArrayList<>();
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(PLUGIN_ARGS)) {
      if (in == null) {
        return lines;
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      return List.of(); // the command line, or the default, then
    }
    return lines;
  }
}
