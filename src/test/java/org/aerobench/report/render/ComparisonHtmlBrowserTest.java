package org.aerobench.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.aerobench.report.ComparisonReport;
import org.aerobench.report.SampleRuns;
import org.aerobench.report.SyntheticRunFiles;
import org.aerobench.report.compare.Comparison;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens comparison.html in a real browser (Debian's headless chromium): the tables and charts must
 * lay out with non-zero sizes, and a screenshot must not be blank.
 */
class ComparisonHtmlBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir static Path temp;
  private static Path html;

  @BeforeAll
  static void generate() throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    SyntheticRunFiles.addClientTimes(run);
    SyntheticRunFiles.addSaturation(run);
    SyntheticRunFiles.addFaults(run);
    Comparison comparison =
        ComparisonReport.generate(run, temp.resolve("reports"), ComparisonReport.Options.defaults())
            .comparison()
            .withCapacity(SyntheticRunFiles.capacity());
    html = ComparisonReport.write(comparison, temp.resolve("reports")).html();
  }

  private static List<String> chromium(String... args) throws IOException, InterruptedException {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "SKIPPED: "
            + CHROMIUM
            + " is absent; install it with `apt-get install -y chromium`"
            + " to check comparison.html in a real browser");
    List<String> command = new ArrayList<>();
    command.add(CHROMIUM.toString());
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--user-data-dir=" + Files.createTempDirectory(temp, "profile")));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(temp, "chromium", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(false).redirectError(log.toFile()).start();
    byte[] stdout = process.getInputStream().readAllBytes();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish in 90 s; log: " + Files.readString(log));
    }
    return new String(stdout, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void the_rendered_page_lays_out_tables_and_charts_with_real_sizes() throws Exception {
    // A copy with a probe script: the browser writes each element's laid-out size into the DOM.
    Path probe = html.resolveSibling("probe.html");
    String page = Files.readString(html);
    String script =
        "<script>window.addEventListener('load',()=>{const p=document.createElement('pre');"
            + "p.id='probe';for(const e of document.querySelectorAll('table,svg.chart')){"
            + "const r=e.getBoundingClientRect();p.textContent+='SIZE '+e.tagName+' '+e.id+' '"
            + "+Math.round(r.width)+' '+Math.round(r.height)+'\\n';}"
            + "for(const r of document.querySelectorAll('svg.chart rect.bar, svg.chart rect.segment')){"
            + "const b=r.getBoundingClientRect();if(b.width>0&&b.height>0)p.dataset.bars=(+(p.dataset.bars||0)+1);}"
            + "document.body.appendChild(p);});</script>";
    Files.writeString(probe, page.replace("</body>", script + "</body>"));

    String dom = String.join("\n", chromium("--dump-dom", probe.toUri().toString()));

    Matcher size = Pattern.compile("SIZE (\\w+) (\\S+) (\\d+) (\\d+)").matcher(dom);
    Set<String> seen = new HashSet<>();
    while (size.find()) {
      assertThat(Integer.parseInt(size.group(3))).as(size.group(2) + " width").isPositive();
      assertThat(Integer.parseInt(size.group(4))).as(size.group(2) + " height").isPositive();
      seen.add(size.group(2));
    }
    assertThat(seen)
        .contains("conditions", "design", "mode-single", "mode-gather", "prometheus", "stages")
        .contains("saturation")
        .contains("chart-latency-single", "chart-latency-gather", "chart-stages")
        .contains("chart-server-single", "chart-server-gather");
    Matcher bars = Pattern.compile("data-bars=\"(\\d+)\"").matcher(dom);
    assertThat(bars.find()).as("visible bars").isTrue();
    assertThat(Integer.parseInt(bars.group(1))).isGreaterThan(20);
    assertThat(dom).contains("Gatling's own report");
  }

  @Test
  void the_verdict_comes_before_any_table_and_every_scripted_chart_is_drawn() throws Exception {
    // A probe, run after the page's own scripts: the size of each uPlot canvas, per chart.
    Path probe = html.resolveSibling("probe-charts.html");
    String script =
        "<script>window.addEventListener('load',()=>{const p=document.createElement('pre');"
            + "p.id='probe';for(const e of document.querySelectorAll('div.uchart')){"
            + "const c=e.querySelector('canvas');const r=c?c.getBoundingClientRect():{width:0,height:0};"
            + "p.textContent+='CHART '+e.id+' '+(e.dataset.rendered||'no')+' '"
            + "+Math.round(r.width)+' '+Math.round(r.height)+' '+(e.dataset.faultMarks||'-')+'\\n';}"
            + "document.body.appendChild(p);});</script>";
    Files.writeString(probe, Files.readString(html).replace("</body>", script + "</body>"));

    String dom =
        String.join(
            "\n", chromium("--virtual-time-budget=5000", "--dump-dom", probe.toUri().toString()));

    assertThat(dom.indexOf("id=\"verdict\"")).as("verdict").isPositive();
    assertThat(dom.indexOf("id=\"verdict\"")).isLessThan(dom.indexOf("<table"));
    assertThat(dom.indexOf("Capacity, profile reference")).isBetween(0, dom.indexOf("<table"));
    Matcher chart = Pattern.compile("CHART (\\S+) (\\S+) (\\d+) (\\d+) (\\S+)").matcher(dom);
    Set<String> drawn = new HashSet<>();
    java.util.Map<String, String> faultMarks = new java.util.HashMap<>();
    while (chart.find()) {
      assertThat(chart.group(2)).as(chart.group(1) + " rendered").isEqualTo("true");
      assertThat(Integer.parseInt(chart.group(3))).as(chart.group(1) + " width").isGreaterThan(300);
      assertThat(Integer.parseInt(chart.group(4)))
          .as(chart.group(1) + " height")
          .isGreaterThan(200);
      drawn.add(chart.group(1));
      faultMarks.put(chart.group(1), chart.group(5));
    }
    // Both faults of the run are marked where they were sent, on both charts over time.
    assertThat(faultMarks)
        .containsEntry("chart-timeline", "2")
        .containsEntry("chart-saturation", "2");
    assertThat(dom).contains("sync errors/s", "<table id=\"faults\">", "stop node 2");
    assertThat(drawn)
        .containsExactlyInAnyOrder(
            "chart-nines-warmup",
            "chart-nines-single",
            "chart-nines-gather",
            "chart-timeline",
            "chart-saturation",
            "chart-capacity-p95",
            "chart-capacity-achieved");
    assertThat(dom).doesNotContain("This chart needs JavaScript");
    // uPlot's legend lists the series: server and client side per client, phases in the timeline.
    assertThat(dom).contains("async · server total_ms", "async · client side", "reference · sync");
    assertThat(dom).contains("sync workers queued", "shared event-loop commands in process");
  }

  @Test
  void a_screenshot_of_the_page_is_not_blank() throws Exception {
    Path png = temp.resolve("comparison.png");
    chromium(
        "--window-size=1280,9000",
        "--virtual-time-budget=5000",
        "--hide-scrollbars",
        "--screenshot=" + png,
        html.toUri().toString());
    copyForLooking(png);
    assertThat(png).exists();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 7) {
      for (int x = 0; x < image.getWidth(); x += 7) {
        colours.add(image.getRGB(x, y));
      }
    }
    // Text, table borders and the chart palette: a blank or error page has a handful at most.
    assertThat(colours.size()).isGreaterThan(20);
  }

  /**
   * Keeps the screenshot and the page in target/browser-test/ for a person to look at (the temp
   * folder is deleted).
   */
  private static void copyForLooking(Path png) throws IOException {
    Path kept = Files.createDirectories(Path.of("target", "browser-test"));
    for (Path file : List.of(png, html, html.resolveSibling("comparison.json"))) {
      Files.copy(
          file,
          kept.resolve(file.getFileName()),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
