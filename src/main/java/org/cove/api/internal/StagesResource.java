package org.cove.api.internal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import org.cove.operator.JobId;
import org.cove.operator.spi.StageExchange;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the Kubernetes engine's stage pods call, with their job's own token: the configure pod
 * fetches the datasets (a tar) and the algorithm, the publish pod hands back the outputs (a tar).
 * Not for people: an unknown job and a wrong token are the same 404.
 */
@RequestScoped
@Path("internal/jobs/{id}")
@Tag(name = "Stage pods")
public class StagesResource {

  private static final String TAR = "application/x-tar";

  private StageExchange exchange;

  @Inject
  StagesResource(StageExchange exchange) {
    this.exchange = exchange;
  }

  /** For CDI's proxy; public because RESTEasy looks for a public constructor. */
  public StagesResource() {}

  @GET
  @Path("datasets")
  @Produces(TAR)
  @Operation(summary = "The job's datasets and parameters, for its configure pod")
  public Response datasets(
      @PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    // refused here, before the first byte: a refusal is a problem response, not a broken stream
    StageExchange.Content content = exchange.datasets(JobId.parse(id), bearer(authorization));
    return stream(content::writeTo, TAR);
  }

  @GET
  @Path("algorithm")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(summary = "The job's algorithm, for its configure pod")
  public Response algorithm(
      @PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    StageExchange.Content content = exchange.algorithm(JobId.parse(id), bearer(authorization));
    return stream(content::writeTo, MediaType.APPLICATION_OCTET_STREAM);
  }

  @POST
  @Path("outputs")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "The job's outputs, from its publish pod")
  public Response outputs(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      InputStream tar)
      throws IOException {
    exchange.receiveOutputs(JobId.parse(id), bearer(authorization), tar);
    return Response.noContent().build();
  }

  private static Response stream(StreamingOutput body, String type) {
    return Response.ok(body, type).header("Cache-Control", "no-store").build();
  }

  private static String bearer(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    return authorization.substring("Bearer ".length()).trim();
  }
}
