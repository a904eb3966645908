package org.cove.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobJsonTest {

  @Test
  void dates_are_epoch_seconds_with_three_digits_of_milliseconds_as_ocean_node_writes_them() {
    assertThat(JobJson.seconds(Instant.ofEpochMilli(1_796_198_793_451L)))
        .isEqualTo("1796198793.451");
    assertThat(JobJson.seconds(Instant.ofEpochMilli(1_796_198_793_007L)))
        .isEqualTo("1796198793.007");
    assertThat(JobJson.seconds(Instant.ofEpochMilli(1_796_198_793_000L)))
        .isEqualTo("1796198793.000");
    assertThat(JobJson.seconds(Instant.ofEpochSecond(12, 999_999_999))).isEqualTo("12.999");
  }
}
