package org.cove.api.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Optional;
import org.cove.identity.SignedRequest;
import org.cove.identity.SignedRequests;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.EnvironmentJson;
import org.cove.operator.Environments;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobRegistry;
import org.cove.provider.Compute;
import org.cove.provider.ComputeQuote;
import org.cove.provider.ComputeRequest;
import org.cove.provider.PaymentQuote;
import org.cove.shared.Address;
import org.cove.shared.ForbiddenException;
import org.cove.shared.InvalidInputException;
import org.cove.shared.ProviderSigner;

/**
 * The Ocean-compatible compute endpoints' work, behind {@link OceanServicesResource}: who is asking
 * (a signature over consumerAddress + nonce + command, or a bearer token), and the JSON shapes
 * ocean.js expects.
 */
@ApplicationScoped
class OceanCompute {

  static final long DEFAULT_STORAGE_EXPIRY = 604_800;

  private Compute compute;
  private JobRegistry registry;
  private Environments environments;
  private SignedRequests signedRequests;
  private Authentication authentication;
  private ProviderSigner providerSigner;
  private LiveLogs liveLogs;

  @Inject
  OceanCompute(
      Compute compute,
      JobRegistry registry,
      Environments environments,
      SignedRequests signedRequests,
      Authentication authentication,
      ProviderSigner providerSigner,
      LiveLogs liveLogs) {
    this.compute = compute;
    this.registry = registry;
    this.environments = environments;
    this.signedRequests = signedRequests;
    this.authentication = authentication;
    this.providerSigner = providerSigner;
    this.liveLogs = liveLogs;
  }

  /** For CDI's proxy. */
  protected OceanCompute() {}

  /** The parameters that prove who sends a request: a signature or a token. */
  record Caller(String authorization, String consumerAddress, String nonce, String signature) {}

  JsonArray environments() {
    JsonArrayBuilder list = JSON.createArrayBuilder();
    for (ComputeEnvironment env : environments.list()) {
      long running = registry.runningJobs(env.id());
      list.add(
          EnvironmentJson.write(env)
              .add("consumerAddress", providerSigner.address().value())
              .add("runningJobs", running)
              .add("runningfreeJobs", running));
    }
    return list.build();
  }

  JsonObject initialize(JsonObject body) {
    if (body == null) {
      throw new InvalidInputException("a JSON body is required");
    }
    String consumer =
        ComputeRequests.string(body, "consumerAddress")
            .orElseThrow(() -> new InvalidInputException("consumerAddress is required"));
    ComputeRequest request =
        ComputeRequests.read(body, Address.parse(consumer), isFreeEnvironment(body));
    ComputeQuote quote = compute.initialize(request);
    JsonArrayBuilder datasets = JSON.createArrayBuilder();
    request
        .datasets()
        .forEach(
            d -> {
              JsonObjectBuilder dataset =
                  JSON.createObjectBuilder()
                      .add("documentId", d.did().value())
                      .add("serviceId", d.serviceId())
                      .add("validOrder", false);
              PaymentJson.find(quote.payments(), PaymentQuote.serviceItem(d.did(), d.serviceId()))
                  .ifPresent(p -> dataset.add("payment", p));
              datasets.add(dataset);
            });
    JsonObjectBuilder algorithm = JSON.createObjectBuilder().add("validOrder", false);
    request
        .algorithm()
        .did()
        .flatMap(
            did ->
                quote.payments().stream()
                    .filter(p -> p.item().startsWith(did.value() + "/"))
                    .findFirst())
        .ifPresent(p -> algorithm.add("payment", PaymentJson.write(p)));
    String environmentItem = PaymentQuote.environmentItem(quote.environment().id());
    Optional<PaymentQuote> environmentFee =
        quote.payments().stream().filter(p -> p.item().equals(environmentItem)).findFirst();
    JsonArrayBuilder resources = JSON.createArrayBuilder();
    quote
        .resources()
        .forEach(
            r ->
                resources.add(
                    JSON.createObjectBuilder().add("id", r.id()).add("amount", r.amount())));
    return JSON.createObjectBuilder()
        .add("algorithm", algorithm)
        .add("datasets", datasets)
        .add(
            "payment",
            JSON.createObjectBuilder()
                .add("chainId", quote.chainId())
                .add(
                    "payee",
                    environmentFee
                        .map(p -> p.payee().value())
                        .orElse(providerSigner.address().value()))
                .add("token", quote.token().orElse("0x0000000000000000000000000000000000000000"))
                .add("amount", quote.cost())
                .add("units", environmentFee.map(p -> p.units().toString()).orElse("0"))
                .add("minLockSeconds", quote.maxJobDuration())
                .add("escrowAddress", ""))
        .add("payments", PaymentJson.write(quote.payments()))
        .add("environment", quote.environment().id())
        .add("resources", resources)
        .add("maxJobDuration", quote.maxJobDuration())
        .add("allowNetwork", quote.allowNetwork())
        .add("validUntil", quote.validUntil().getEpochSecond())
        .build();
  }

  /** ocean.js sends a payment section to initializeCompute even for free environments. */
  private boolean isFreeEnvironment(JsonObject body) {
    return ComputeRequests.string(body, "environment")
        .flatMap(environments::find)
        .map(env -> env.costsNothing() || env.free().isPresent())
        .orElse(true);
  }

  JsonArray start(String authorization, JsonObject body, boolean free) {
    if (body == null) {
      throw new InvalidInputException("a JSON body is required");
    }
    Address consumer =
        who(
            new Caller(
                authorization,
                ComputeRequests.string(body, "consumerAddress").orElse(null),
                ComputeRequests.string(body, "nonce").orElse(null),
                ComputeRequests.string(body, "signature").orElse(null)),
            free ? "freeStartCompute" : "startCompute");
    Job job = compute.start(ComputeRequests.read(body, consumer, free));
    return JSON.createArrayBuilder().add(json(job)).build();
  }

  JsonArray status(Caller caller, String jobId) {
    Address consumer = who(caller, "getComputeStatus");
    if (jobId != null && !jobId.isBlank()) {
      return JSON.createArrayBuilder()
          .add(json(registry.get(JobId.parse(jobId), consumer)))
          .build();
    }
    JsonArrayBuilder jobs = JSON.createArrayBuilder();
    registry.jobsOf(consumer, 0, 100).items().forEach(job -> jobs.add(json(job)));
    return jobs.build();
  }

  JsonArray stop(Caller caller, String jobId) {
    Address consumer = who(caller, "stopCompute");
    Job job = registry.stop(requireJob(jobId), consumer);
    return JSON.createArrayBuilder().add(json(job)).build();
  }

  JsonObject delete(Caller caller, String jobId) {
    Address consumer = who(caller, "deleteCompute");
    JobId id = requireJob(jobId);
    registry.delete(id, consumer);
    return JSON.createObjectBuilder().add("jobId", id.value()).add("deleted", true).build();
  }

  Response result(Caller caller, String jobId, String index, String range) {
    Address consumer = who(caller, "getComputeResult");
    int i = Params.integer("index", index, -1);
    if (i < 0) {
      throw new InvalidInputException("index is required: a result's index from 0");
    }
    JobRegistry.ResultContent result = registry.openResult(requireJob(jobId), i, consumer);
    return ResultResponses.stream(result, range);
  }

  Response logs(Caller caller, String jobId) {
    Address consumer = who(caller, "getComputeStreamableLogs");
    JobId id = requireJob(jobId);
    Job job = registry.get(id, consumer);
    StreamingOutput body = out -> liveLogs.follow(id, consumer, job.spec().maxDuration(), out);
    return Response.ok(body, MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /**
   * The account asking: the signer of consumerAddress + nonce + command, or the token's owner. A
   * consumerAddress that is not the token's owner is refused rather than ignored.
   */
  Address who(Caller caller, String command) {
    if (caller.signature() != null && !caller.signature().isBlank()) {
      return signedRequests.verify(
          new SignedRequest(caller.consumerAddress(), caller.nonce(), command, caller.signature()));
    }
    Address owner = authentication.require(caller.authorization()).address();
    if (caller.consumerAddress() != null
        && !caller.consumerAddress().isBlank()
        && !Address.parse(caller.consumerAddress()).equals(owner)) {
      throw new ForbiddenException("consumerAddress is not the token's owner");
    }
    return owner;
  }

  JsonObject json(Job job) {
    long expiry =
        environments
            .find(job.spec().environment())
            .map(ComputeEnvironment::storageExpiry)
            .orElse(DEFAULT_STORAGE_EXPIRY);
    return JobJson.write(job, expiry);
  }

  private static JobId requireJob(String jobId) {
    if (jobId == null || jobId.isBlank()) {
      throw new InvalidInputException("jobId is required");
    }
    return JobId.parse(jobId);
  }
}
