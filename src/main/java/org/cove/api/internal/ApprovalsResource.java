package org.cove.api.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.cove.identity.Principal;
import org.cove.provider.Approval;
import org.cove.provider.ApprovalState;
import org.cove.provider.Approvals;
import org.cove.provider.CodeReview;
import org.cove.shared.Did;
import org.cove.shared.InvalidInputException;
import org.cove.shared.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Approvals")
@SecurityRequirement(name = "bearer")
public class ApprovalsResource {

  private Approvals approvals;
  private Authentication authentication;

  @Inject
  ApprovalsResource(Approvals approvals, Authentication authentication) {
    this.approvals = approvals;
    this.authentication = authentication;
  }

  /** For CDI's proxy; public because RESTEasy looks for a public constructor. */
  public ApprovalsResource() {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Ask a dataset's publisher to allow an algorithm on a compute service (201); the same"
              + " request pending already is answered as it is (200)")
  public Response request(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonObject body) {
    Principal consumer = authentication.require(authorization);
    Approvals.Requested requested =
        approvals.request(
            consumer,
            Did.parse(field(body, "datasetDid", true)),
            field(body, "serviceId", true),
            Did.parse(field(body, "algorithmDid", true)),
            field(body, "justification", false));
    Response.Status status = requested.created() ? Response.Status.CREATED : Response.Status.OK;
    return Response.status(status).entity(json(requested.approval())).build();
  }

  @GET
  @Operation(
      summary = "Your inbox as a publisher (role=publisher) or your requests (role=consumer)")
  public JsonObject list(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("role") String role,
      @QueryParam("state") String state,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Principal caller = authentication.require(authorization);
    Page<Approval> approvals =
        this.approvals.list(
            caller,
            Params.text(role).map(ApprovalsResource::role).orElse(Approvals.Role.CONSUMER),
            Params.text(state).map(ApprovalsResource::state),
            Params.integer("page", page, 0),
            Params.integer("size", size, 20));
    return Pages.json(approvals, ApprovalsResource::json);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One approval (its consumer, the dataset's publisher or an admin)")
  public JsonObject get(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
    return json(approvals.get(authentication.require(authorization), id));
  }

  @GET
  @Path("{id}/code")
  @Operation(summary = "The algorithm's code and the diff against its last approved version")
  public JsonObject code(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
    CodeReview review = approvals.code(authentication.require(authorization), id);
    JsonArrayBuilder files = JSON.createArrayBuilder();
    review
        .files()
        .forEach(
            f ->
                files.add(
                    JSON.createObjectBuilder()
                        .add("name", f.name())
                        .add("text", f.text())
                        .add("binary", f.binary())
                        .add("truncated", f.truncated())));
    JsonObjectBuilder json = JSON.createObjectBuilder().add("files", files);
    review.diff().ifPresentOrElse(d -> json.add("diff", d), () -> json.addNull("diff"));
    review.comparedWithApproval().ifPresent(id2 -> json.add("comparedWith", id2));
    return json.build();
  }

  @POST
  @Path("{id}/approve")
  @Operation(summary = "Allow the algorithm, pinned to the checksums that were reviewed")
  public JsonObject approve(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
    return json(approvals.approve(authentication.require(authorization), id));
  }

  @POST
  @Path("{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Refuse the request, with a reason for the consumer")
  public JsonObject reject(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("id") String id,
      JsonObject body) {
    Principal publisher = authentication.require(authorization);
    return json(approvals.reject(publisher, id, field(body, "reason", true)));
  }

  @POST
  @Path("{id}/revoke")
  @Operation(summary = "Withdraw an approval: its trusted-algorithm entry is removed")
  public JsonObject revoke(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
    return json(approvals.revoke(authentication.require(authorization), id));
  }

  static JsonObject json(Approval a) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", a.id())
            .add("datasetDid", a.dataset().value())
            .add("serviceId", a.serviceId())
            .add("algorithmDid", a.algorithm().value())
            .add("consumer", a.consumer().value())
            .add("publisher", a.publisher().value())
            .add("justification", a.justification())
            .add("filesChecksum", a.filesChecksum())
            .add("containerSectionChecksum", a.containerSectionChecksum())
            .add("state", a.state().name().toLowerCase(Locale.ROOT))
            .add("requestedAt", a.requestedAt().toString());
    a.reason().ifPresent(r -> json.add("reason", r));
    a.decidedAt().ifPresent(t -> json.add("decidedAt", t.toString()));
    a.decidedBy().ifPresent(b -> json.add("decidedBy", b.value()));
    return json.build();
  }

  private static String field(JsonObject body, String name, boolean required) {
    if (body == null) {
      throw new InvalidInputException("a JSON body is required");
    }
    if (body.get(name) instanceof JsonString text) {
      return text.getString();
    }
    if (body.containsKey(name) || required) {
      throw new InvalidInputException(name + (required ? " is required" : " must be a string"));
    }
    return "";
  }

  private static Approvals.Role role(String role) {
    return switch (role.toLowerCase(Locale.ROOT)) {
      case "publisher" -> Approvals.Role.PUBLISHER;
      case "consumer" -> Approvals.Role.CONSUMER;
      default -> throw new InvalidInputException("role must be publisher or consumer");
    };
  }

  private static ApprovalState state(String state) {
    try {
      return ApprovalState.valueOf(state.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("state must be pending, approved, rejected or revoked");
    }
  }
}
