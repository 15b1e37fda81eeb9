package org.aerobench.model;

import java.util.List;

/** Makes an {@link InferenceEngine} by name. */
public final class Engines {

  /** The default engine's name. */
  public static final String DEFAULT = "java";

  /** Every name {@link #create} accepts. */
  public static final List<String> NAMES = List.of("java", "scalar", "pytorch");

  private static final String PYTORCH_CLASS = "org.aerobench.model.PyTorchDlrm";

  private Engines() {}

  /**
   * {@code java}: the fast plain-Java engine ({@link JavaDlrm}); {@code scalar}: the one-sample-at-
   * a-time oracle ({@link ScalarDlrm}); {@code pytorch}: PyTorch CPU through DJL, only in a build
   * with the {@code pytorch} Maven profile.
   *
   * @throws IllegalArgumentException for an unknown name, or {@code pytorch} without its profile,
   *     with a message saying what to do
   */
  public static InferenceEngine create(String name, DlrmWeights weights) {
    String n = name == null ? DEFAULT : name.trim();
    return switch (n) {
      case "java" -> new JavaDlrm(weights);
      case "scalar" -> new ScalarDlrm(weights);
      case "pytorch" -> createPyTorch(weights);
      default ->
          throw new IllegalArgumentException(
              "unknown inference engine '" + name + "': valid names are " + NAMES);
    };
  }

  /** True when the PyTorch engine's classes (DJL and the profile's engine class) are present. */
  public static boolean pytorchAvailable() {
    try {
      Class.forName(PYTORCH_CLASS);
      Class.forName("ai.djl.ndarray.NDManager");
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static InferenceEngine createPyTorch(DlrmWeights weights) {
    if (!pytorchAvailable()) {
      throw new IllegalArgumentException(
          "engine 'pytorch' needs the PyTorch profile: run with -Ppytorch (Maven builds the DJL"
              + " PyTorch engine and adds its 430 MB native library), or use engine 'java'");
    }
    try {
      return (InferenceEngine)
          Class.forName(PYTORCH_CLASS).getConstructor(DlrmWeights.class).newInstance(weights);
    } catch (java.lang.reflect.InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("cannot start the PyTorch engine: " + cause, cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot start the PyTorch engine: " + e, e);
    }
  }
}
