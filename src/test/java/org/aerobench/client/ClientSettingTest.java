package org.aerobench.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ClientSettingTest {

  @Test
  void the_table_has_one_entry_per_record_component_in_record_order() {
    assertThat(Arrays.stream(ClientSetting.values()).map(ClientSetting::fieldName))
        .containsExactlyElementsOf(
            Arrays.stream(ClientSettings.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList());
  }

  @Test
  void to_string_reads_like_the_generated_one_with_the_password_masked() throws Exception {
    ClientSettings s = ClientSettings.builder().credentials("admin", "s3cret-pw").build();
    StringBuilder generated = new StringBuilder("ClientSettings[");
    for (RecordComponent c : ClientSettings.class.getRecordComponents()) {
      Object value = c.getName().equals("password") ? "****" : c.getAccessor().invoke(s);
      generated.append(generated.length() > 15 ? ", " : "").append(c.getName()).append('=');
      generated.append(value);
    }
    assertThat(s.toString()).isEqualTo(generated.append(']').toString());
  }

  @Test
  void to_builder_keeps_every_setting() {
    ClientSettings s =
        ClientSettings.builder()
            .hosts(java.util.List.of("10.0.0.1:3000"))
            .namespace("bar")
            .concurrencyLimit(40)
            .virtualMaxConcurrent(200)
            .eventLoopKind(EventLoopKind.NETTY_EPOLL)
            .batchAllowInlineSsd(true)
            .build();
    assertThat(s.toBuilder().build()).isEqualTo(s);
  }
}
