package org.cove.provider.internal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cove.provider.AssetType;
import org.cove.provider.ComputeOptions;
import org.cove.provider.Credentials;
import org.cove.provider.InvalidDdoException;
import org.cove.provider.Metadata;
import org.cove.provider.Price;
import org.cove.provider.Service;
import org.cove.provider.ServiceType;
import org.cove.shared.NotFoundException;
import org.junit.jupiter.api.Test;

/** An owner's edits of one service: only that service changes, and the updated time moves. */
class DescriptionEditsTest {

  static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");
  static final Service ACCESS =
      new Service("access", ServiceType.ACCESS, 1, 0, Price.FREE, Optional.empty());
  static final Service COMPUTE =
      new Service(
          "compute",
          ServiceType.COMPUTE,
          2,
          60,
          Price.FREE,
          Optional.of(ComputeOptions.privateByDefault()));
  static final StoredDescription DESCRIPTION =
      new StoredDescription(
          new Metadata(
              AssetType.DATASET,
              "Data",
              "",
              "Cove",
              "MIT",
              List.of("a"),
              CREATED,
              CREATED,
              Optional.empty()),
          List.of(ACCESS, COMPUTE),
          Credentials.OPEN);
  static final ComputeOptions RAW = new ComputeOptions(true, false, List.of(), List.of());

  @Test
  void new_compute_options_replace_only_that_services_and_move_the_updated_time() {
    StoredDescription edited =
        DescriptionEdits.withComputeOptions(DESCRIPTION, "compute", RAW, NOW);

    assertThat(edited.services())
        .containsExactly(
            ACCESS,
            new Service("compute", ServiceType.COMPUTE, 2, 60, Price.FREE, Optional.of(RAW)));
    assertThat(edited.metadata().updated()).isEqualTo(NOW);
    assertThat(edited.metadata().created()).isEqualTo(CREATED);
    assertThat(edited.credentials()).isEqualTo(Credentials.OPEN);
  }

  @Test
  void only_a_compute_service_has_compute_options() {
    assertThatThrownBy(() -> DescriptionEdits.withComputeOptions(DESCRIPTION, "access", RAW, NOW))
        .isInstanceOf(InvalidDdoException.class)
        .hasMessage("serviceId: only compute services have compute options");
    assertThatThrownBy(() -> DescriptionEdits.withComputeOptions(DESCRIPTION, "nope", RAW, NOW))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void a_new_price_replaces_only_that_services() {
    Price price = new Price(new BigDecimal("2"), Optional.empty(), Optional.of(8996L));

    StoredDescription edited = DescriptionEdits.withPrice(DESCRIPTION, "access", price, NOW);

    assertThat(edited.services())
        .containsExactly(
            new Service("access", ServiceType.ACCESS, 1, 0, price, Optional.empty()), COMPUTE);
    assertThat(edited.metadata().updated()).isEqualTo(NOW);
    assertThatThrownBy(() -> DescriptionEdits.withPrice(DESCRIPTION, "nope", price, NOW))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void a_price_is_kept_without_trailing_zeros_in_a_lower_case_token() {
    String token = "0x" + "AB".repeat(20);

    Price kept =
        DescriptionEdits.normalised(
            new Price(new BigDecimal("1.500"), Optional.of(token), Optional.empty()));

    assertThat(kept.amount()).isEqualTo(new BigDecimal("1.5"));
    assertThat(kept.token()).contains("0x" + "ab".repeat(20));
  }

  @Test
  void a_price_is_a_decimal_of_at_least_zero_with_at_most_eighteen_places_in_a_token_contract() {
    assertThatThrownBy(
            () ->
                DescriptionEdits.normalised(
                    new Price(new BigDecimal("-1"), Optional.empty(), Optional.empty())))
        .hasMessageStartingWith("price.amount");
    assertThatThrownBy(
            () ->
                DescriptionEdits.normalised(
                    new Price(new BigDecimal("1e-19"), Optional.empty(), Optional.empty())))
        .hasMessageStartingWith("price.amount");
    assertThatThrownBy(
            () ->
                DescriptionEdits.normalised(
                    new Price(new BigDecimal("1e999999"), Optional.empty(), Optional.empty())))
        .hasMessage("price.amount: must be less than 1e59");
    assertThatThrownBy(
            () ->
                DescriptionEdits.normalised(
                    new Price(BigDecimal.ONE, Optional.of("usdc"), Optional.empty())))
        .hasMessageStartingWith("price.token");
  }
}
