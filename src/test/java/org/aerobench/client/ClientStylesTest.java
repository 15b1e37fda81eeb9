package org.aerobench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ClientStylesTest {

  @Test
  void names_are_the_three_styles_in_registration_order() {
    assertThat(ClientStyles.names()).containsExactly("sync", "async", "virtual");
  }

  @Test
  void unknown_style_lists_the_known_ones() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClientStyles.create("official", null, ClientSettings.defaults()))
        .withMessage("client style 'official' is unknown; allowed: sync, async, virtual");
  }
}
