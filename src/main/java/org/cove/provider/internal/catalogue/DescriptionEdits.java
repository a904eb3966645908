package org.cove.provider.internal.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.cove.provider.AssetDraft;
import org.cove.provider.ComputeOptions;
import org.cove.provider.InvalidDdoException;
import org.cove.provider.InvalidDdoException.FieldError;
import org.cove.provider.Metadata;
import org.cove.provider.Price;
import org.cove.provider.Service;
import org.cove.provider.ServiceType;
import org.cove.shared.Address;
import org.cove.shared.NotFoundException;

/**
 * An asset's stored description as publishing writes it and as its owner's later edits change it: a
 * service's compute options or price. Every edit also moves the description's updated time. Pure,
 * so the catalogue's transactions only load, apply and store.
 */
final class DescriptionEdits {

  private DescriptionEdits() {}

  /** What a draft publishes: its metadata and its services, each with its number of files. */
  static StoredDescription of(AssetDraft draft, Instant created, Instant now) {
    Metadata metadata =
        new Metadata(
            draft.type(),
            draft.name(),
            draft.description(),
            draft.author(),
            draft.license(),
            draft.tags(),
            created,
            now,
            draft.algorithm());
    List<Service> services =
        draft.services().stream()
            .map(
                s ->
                    new Service(
                        s.id(), s.type(), s.files().size(), s.timeout(), s.price(), s.compute()))
            .toList();
    return new StoredDescription(metadata, services, draft.credentials());
  }

  /**
   * The description with the compute service's options replaced.
   *
   * @throws NotFoundException when there is no such service
   * @throws InvalidDdoException when it is not a compute service
   */
  static StoredDescription withComputeOptions(
      StoredDescription description, String serviceId, ComputeOptions options, Instant now) {
    Service service = service(description, serviceId);
    if (service.type() != ServiceType.COMPUTE) {
      throw new InvalidDdoException(
          List.of(new FieldError("serviceId", "only compute services have compute options")));
    }
    return withService(
        description,
        serviceId,
        s ->
            new Service(
                s.id(), s.type(), s.fileCount(), s.timeout(), s.price(), Optional.of(options)),
        now);
  }

  /**
   * The description with the service's price replaced by {@code price}, which {@link #normalised}
   * made.
   *
   * @throws NotFoundException when there is no such service
   */
  static StoredDescription withPrice(
      StoredDescription description, String serviceId, Price price, Instant now) {
    service(description, serviceId);
    return withService(
        description,
        serviceId,
        s -> new Service(s.id(), s.type(), s.fileCount(), s.timeout(), price, s.compute()),
        now);
  }

  /**
   * A price as the catalogue keeps it: a decimal {@link PriceAmounts} allows, without trailing
   * zeros, in a token named by its contract address in lower case.
   *
   * @throws InvalidDdoException naming the field that is not valid
   */
  static Price normalised(Price price) {
    PriceAmounts.problem(price.amount())
        .ifPresent(
            problem -> {
              throw new InvalidDdoException(List.of(new FieldError("price.amount", problem)));
            });
    price
        .token()
        .filter(t -> !Address.isAddress(t))
        .ifPresent(
            t -> {
              throw new InvalidDdoException(
                  List.of(new FieldError("price.token", "must be a token contract address")));
            });
    return new Price(
        price.amount().stripTrailingZeros(),
        price.token().map(t -> t.toLowerCase(Locale.ROOT)),
        price.chainId());
  }

  private static Service service(StoredDescription description, String serviceId) {
    return description.services().stream()
        .filter(s -> s.id().equals(serviceId))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("the asset has no service " + serviceId));
  }

  private static StoredDescription withService(
      StoredDescription description, String serviceId, UnaryOperator<Service> change, Instant now) {
    List<Service> services =
        description.services().stream()
            .map(s -> s.id().equals(serviceId) ? change.apply(s) : s)
            .toList();
    Metadata m = description.metadata();
    Metadata updated =
        new Metadata(
            m.type(),
            m.name(),
            m.description(),
            m.author(),
            m.license(),
            m.tags(),
            m.created(),
            now,
            m.algorithm());
    return new StoredDescription(updated, services, description.credentials());
  }
}
