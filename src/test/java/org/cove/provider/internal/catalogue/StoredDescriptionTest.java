package org.cove.provider.internal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cove.provider.AlgorithmMetadata;
import org.cove.provider.AssetType;
import org.cove.provider.ComputeOptions;
import org.cove.provider.ConsumerParameter;
import org.cove.provider.Container;
import org.cove.provider.Credentials;
import org.cove.provider.Metadata;
import org.cove.provider.Price;
import org.cove.provider.Service;
import org.cove.provider.ServiceType;
import org.cove.provider.TrustedAlgorithm;
import org.cove.shared.Address;
import org.junit.jupiter.api.Test;

class StoredDescriptionTest {

  @Test
  void a_description_reads_back_exactly_as_written() {
    Metadata metadata =
        new Metadata(
            AssetType.ALGORITHM,
            "Summary statistics",
            "Writes mean and quartiles of every column",
            "Cove",
            "MIT",
            List.of("statistics", "csv"),
            Instant.parse("2026-01-02T03:04:05.123456Z"),
            Instant.parse("2026-01-03T03:04:05Z"),
            Optional.of(
                new AlgorithmMetadata(
                    "python",
                    "3.11",
                    new Container("python3 $ALGO", "python", "3.11", "sha256:" + "a".repeat(64)),
                    List.of(
                        new ConsumerParameter(
                            "column",
                            ConsumerParameter.Type.SELECT,
                            "Column",
                            true,
                            "",
                            Optional.of("price"),
                            List.of(new ConsumerParameter.Option("price", "Price")))))));
    Service compute =
        new Service(
            "compute",
            ServiceType.COMPUTE,
            2,
            3600,
            new Price(
                new BigDecimal("1.50"), Optional.of("0x" + "1".repeat(40)), Optional.of(8996L)),
            Optional.of(
                new ComputeOptions(
                    false,
                    true,
                    List.of(
                        new TrustedAlgorithm("*", Optional.empty(), Optional.of("b".repeat(64)))),
                    List.of("0x" + "2".repeat(40)))));
    Service access = new Service("access", ServiceType.ACCESS, 1, 0, Price.FREE, Optional.empty());
    Credentials credentials =
        new Credentials(Set.of(Address.parse("0x" + "3".repeat(40))), Set.of());
    StoredDescription description =
        new StoredDescription(metadata, List.of(compute, access), credentials);

    assertThat(StoredDescription.fromJson(description.toJson())).isEqualTo(description);
  }
}
