package org.cove.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.cove.ledger.internal.CheckpointPolicy.Coverage;
import org.junit.jupiter.api.Test;

class CheckpointPolicyTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private final CheckpointPolicy policy = CheckpointPolicy.of(100, 60);

  @Test
  void due_once_as_many_entries_as_configured_are_not_covered() {
    assertThat(policy.due(coverage(199, 100, NOW), NOW)).isFalse();
    assertThat(policy.due(coverage(200, 100, NOW), NOW)).isTrue();
  }

  @Test
  void due_once_the_oldest_entry_not_covered_has_waited_the_configured_minutes() {
    Instant recorded = NOW.minus(Duration.ofMinutes(60));

    assertThat(policy.due(coverage(101, 100, recorded.plusSeconds(1)), NOW)).isFalse();
    assertThat(policy.due(coverage(101, 100, recorded), NOW)).isTrue();
  }

  @Test
  void never_due_while_every_entry_is_covered_so_an_idle_ledger_makes_none() {
    Instant longAgo = NOW.minus(Duration.ofDays(30));

    assertThat(policy.due(new Coverage(0, 0, Optional.empty()), NOW)).isFalse();
    assertThat(policy.due(new Coverage(100, 100, Optional.empty()), NOW)).isFalse();
    assertThat(policy.due(coverage(100, 100, longAgo), NOW)).isFalse();
  }

  @Test
  void settings_below_their_least_are_raised_to_it() {
    CheckpointPolicy least = CheckpointPolicy.of(0, 0);

    assertThat(least.entries()).isEqualTo(1);
    assertThat(least.age()).isEqualTo(Duration.ofMinutes(1));
  }

  private static Coverage coverage(long size, long covered, Instant oldestUncovered) {
    return new Coverage(size, covered, Optional.of(oldestUncovered));
  }
}
