package org.cove.api.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.cove.identity.Principal;
import org.cove.ledger.Ledger;
import org.cove.ledger.LedgerQuery;
import org.cove.shared.Address;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("v1/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger")
@SecurityRequirement(name = "bearer")
public class LedgerResource {

  private Ledger ledger;
  private Authentication authentication;

  @Inject
  LedgerResource(Ledger ledger, Authentication authentication) {
    this.ledger = ledger;
    this.authentication = authentication;
  }

  /** For CDI's proxy; public because RESTEasy looks for a public constructor. */
  public LedgerResource() {}

  @GET
  @Operation(summary = "Entries, newest first: all for admins, those about you for others")
  public JsonObject entries(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("kind") String kind,
      @QueryParam("actor") String actor,
      @QueryParam("subject") String subject,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Principal caller = authentication.require(authorization);
    LedgerQuery query =
        new LedgerQuery(
            Params.text(kind),
            Params.text(actor).map(Address::parse),
            Params.text(subject),
            caller.isAdmin() ? Optional.empty() : Optional.of(caller.address()),
            Params.integer("page", page, 0),
            Params.integer("size", size, 50));
    return LedgerJson.page(ledger.entries(query));
  }

  @GET
  @Path("verify")
  @Operation(
      summary =
          "Walk the chain and check it against every checkpoint and the newest anchor on the"
              + " chain; reports the anchors read")
  public JsonObject verify(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    authentication.require(authorization);
    return LedgerJson.verification(ledger.verify());
  }

  @GET
  @Path("checkpoints")
  @Operation(summary = "Signed checkpoints of the chain's head, oldest first")
  public JsonObject checkpoints(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    authentication.require(authorization);
    JsonArrayBuilder items = JSON.createArrayBuilder();
    ledger.checkpoints().forEach(c -> items.add(LedgerJson.checkpoint(c)));
    return JSON.createObjectBuilder().add("items", items).build();
  }

  @POST
  @Path("checkpoints")
  @Operation(summary = "Sign the current head with the provider key (admins)")
  public Response checkpoint(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    authentication.requireAdmin(authorization);
    return Response.status(Response.Status.CREATED)
        .entity(LedgerJson.checkpoint(ledger.checkpoint()))
        .build();
  }
}
