package org.aerobench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DlrmWeightsTest {

  private static DlrmWeights seed42;

  @BeforeAll
  static void generate() {
    seed42 = DlrmWeights.random(42);
  }

  @Test
  void parameter_count_is_the_reference_models() {
    // Reference §4.5: embeddings 2,880,048 + bottom 10,864 + top 41,985.
    assertThat(seed42.parameterCount()).isEqualTo(2_880_048L + 10_864L + 41_985L);
  }

  @Test
  void same_seed_gives_identical_weights_and_another_seed_differs() {
    assertThat(DlrmWeights.random(42).sameValues(seed42)).isTrue();
    assertThat(DlrmWeights.random(43).sameValues(seed42)).isFalse();
  }

  @Test
  void initial_values_follow_pytorch_default_distributions() {
    float[] adIds = seed42.embedding(0);
    double sum = 0;
    double sumSq = 0;
    for (float v : adIds) {
      sum += v;
      sumSq += (double) v * v;
    }
    double mean = sum / adIds.length;
    assertThat(mean).isBetween(-0.01, 0.01);
    assertThat(sumSq / adIds.length - mean * mean).isBetween(0.98, 1.02);

    DlrmWeights.Linear first = seed42.top(1); // 256 → 128
    double bound = 1 / Math.sqrt(256);
    float max = 0;
    for (float v : first.weight()) {
      max = Math.max(max, Math.abs(v));
    }
    assertThat((double) max).isLessThanOrEqualTo(bound).isGreaterThan(0.99 * bound);
    assertThat(seed42.bottomNorm(0).var()).containsOnly(1f);
    assertThat(seed42.bottomNorm(0).mean()).containsOnly(0f);
  }

  @Test
  void save_then_load_gives_the_same_weights_and_scores(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("dlrm.bin");
    seed42.save(file);
    assertThat(Files.size(file)).isBetween(11_700_000L, 11_800_000L);
    DlrmWeights loaded = DlrmWeights.load(file);
    assertThat(loaded.sameValues(seed42)).isTrue();
    // Logits on inputs that do not saturate: saturated scores would be 1.0 for any weights.
    Features f = SampleFeatures.moderate(20, 9);
    float[] logits = new JavaDlrm(seed42).logits(f);
    for (float logit : logits) {
      assertThat(logit).isBetween(-17f, 17f);
    }
    assertThat(new JavaDlrm(loaded).logits(f)).containsExactly(logits);
  }

  @Test
  void a_file_without_the_magic_is_refused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("not-weights.bin");
    Files.writeString(file, "hello, this is not a weights file");
    assertThatThrownBy(() -> DlrmWeights.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a DLRM weights file")
        .hasMessageContaining("expected the magic 'DLRM'");
  }

  @Test
  void a_file_of_another_version_is_refused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("v2.bin");
    seed42.save(file);
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 2);
    Files.write(file, bytes);
    assertThatThrownBy(() -> DlrmWeights.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format version 2, this build reads version 1");
  }

  @Test
  void a_file_with_a_wrong_shape_is_refused_naming_the_expected_one(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("shape.bin");
    seed42.save(file);
    byte[] bytes = Files.readAllBytes(file);
    // The first tensor: int16 name length, name "embedding.adId", int32 rank, then dims.
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int nameLength = b.getShort(12);
    int firstDim = 12 + 2 + nameLength + 4;
    assertThat(b.getInt(firstDim)).isEqualTo(100_000);
    b.putInt(firstDim, 1000);
    Files.write(file, bytes);
    assertThatThrownBy(() -> DlrmWeights.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("found tensor 'embedding.adId' of shape [1000, 16]")
        .hasMessageContaining("expected 'embedding.adId' of shape [100000, 16]");
  }

  @Test
  void a_truncated_file_is_refused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("short.bin");
    seed42.save(file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
    assertThatThrownBy(() -> DlrmWeights.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is truncated");
  }

  @Test
  void tensor_names_document_the_file_layout() {
    assertThat(DlrmWeights.tensorNames())
        .startsWith("embedding.adId[100000, 16]")
        .contains("bottom.0.weight[128, 8]", "top.2.bias[1]")
        .doesNotContain("top.2.bn.running_mean[1]");
  }
}
