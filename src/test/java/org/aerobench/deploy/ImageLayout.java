package org.aerobench.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A directory laid out as Jib lays out the images of {@code pom.xml}'s {@code image} profile
 * ({@code /app/classes}, {@code /app/resources}, {@code /app/libs/*}, {@code /app/conf}, and the
 * injector's {@code /app/injector/{test-classes,libs}}), linked to the build's own output, and the
 * containers' commands read from the pom: what runs here is what the image runs, with {@code /app}
 * moved under {@code target/} and {@code java} the JDK running the tests. The one difference:
 * Maven's {@code target/classes} holds the resources too, so {@code /app/resources} stays empty.
 */
record ImageLayout(Path root) {

  static ImageLayout create(Path project, Path root) throws IOException {
    Path app = root.resolve("app");
    Files.createDirectories(app.resolve("resources"));
    link(app.resolve("classes"), project.resolve("target/classes"));
    link(app.resolve("conf"), project.resolve("conf"));
    linkJars(app.resolve("libs"), project.resolve("target/aerobench-runtime.classpath"));
    link(app.resolve("injector/test-classes"), project.resolve("target/test-classes"));
    linkJars(app.resolve("injector/libs"), project.resolve("target/aerobench-test.classpath"));
    return new ImageLayout(root);
  }

  private static void link(Path link, Path target) throws IOException {
    Files.createDirectories(link.getParent());
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, target.toAbsolutePath());
  }

  private static void linkJars(Path dir, Path classpathFile) throws IOException {
    Files.createDirectories(dir);
    for (String jar : Files.readString(classpathFile).trim().split(java.io.File.pathSeparator)) {
      Path path = Path.of(jar);
      if (path.toString().endsWith(".jar")) {
        link(dir.resolve(path.getFileName()), path);
      }
    }
  }

  /** One Jib execution's container: its command (entrypoint + args) and environment. */
  record Container(List<String> command, Map<String, String> environment, String workingDir) {}

  /** The container of a Jib execution in the pom, its paths moved into this layout. */
  Container container(Path pom, String executionId) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    Document doc = factory.newDocumentBuilder().parse(pom.toFile());
    var xpath = XPathFactory.newInstance().newXPath();
    String base =
        "//profile[id='image']//plugin[artifactId='jib-maven-plugin']//execution[id='"
            + executionId
            + "']/configuration/container";
    List<String> command = new ArrayList<>();
    for (String part : List.of("/entrypoint/arg", "/args/arg")) {
      NodeList args = (NodeList) xpath.evaluate(base + part, doc, XPathConstants.NODESET);
      for (int i = 0; i < args.getLength(); i++) {
        command.add(moved(args.item(i).getTextContent().trim()));
      }
    }
    if (command.isEmpty()) {
      throw new IllegalStateException("no entrypoint for execution " + executionId + " in " + pom);
    }
    command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Map<String, String> env = new LinkedHashMap<>();
    NodeList vars = (NodeList) xpath.evaluate(base + "/environment/*", doc, XPathConstants.NODESET);
    for (int i = 0; i < vars.getLength(); i++) {
      Element var = (Element) vars.item(i);
      env.put(var.getTagName(), var.getTextContent().trim());
    }
    String workingDir = xpath.evaluate(base + "/workingDirectory", doc).trim();
    return new Container(command, env, workingDir);
  }

  private String moved(String arg) {
    return arg.replace("/app/", root.toAbsolutePath() + "/app/");
  }
}
