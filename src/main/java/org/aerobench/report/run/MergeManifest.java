package org.aerobench.report.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code compare --merge} wrote into a merged run folder instead of a Gatling page: the runs
 * it merged and each request name's summed counts. Response times are not repeated here: they are
 * the merged {@code client-times.hlog} beside it, which the report reads as for any run.
 *
 * @param injectors the merged run folders, as given
 * @param gatlingVersion the Gatling version every injector ran
 * @param percentiles the percentile columns of the injectors' Gatling pages, e.g. [50, 90, 95, 99]
 * @param maxSkewMillis the largest difference between the injectors' starts of one phase
 * @param skewBoundMillis the bound the merge held them to
 * @param requests per request name, OK and KO responses summed over the injectors
 */
public record MergeManifest(
    List<String> injectors,
    String gatlingVersion,
    List<Double> percentiles,
    long maxSkewMillis,
    long skewBoundMillis,
    List<Counts> requests) {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public MergeManifest {
    injectors = List.copyOf(injectors);
    percentiles = List.copyOf(percentiles);
    requests = List.copyOf(requests);
  }

  /** One request name's responses over every injector. */
  public record Counts(String name, long ok, long ko) {}

  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    JSON.writeValue(file.toFile(), this);
  }

  /** Reads a manifest written by {@link #write}, naming the file on any failure. */
  public static MergeManifest read(Path file) throws IOException {
    try {
      return JSON.readValue(file.toFile(), MergeManifest.class);
    } catch (IOException e) {
      throw new IOException(file + " is not a valid merge manifest: " + e.getMessage(), e);
    }
  }
}
