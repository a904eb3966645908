package org.cove.api.internal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.Optional;
import org.cove.identity.Principal;
import org.cove.provider.Asset;
import org.cove.provider.AssetState;
import org.cove.provider.AssetType;
import org.cove.provider.Catalogue;
import org.cove.provider.CatalogueQuery;
import org.cove.provider.DdoFormat;
import org.cove.provider.Downloads;
import org.cove.shared.Address;
import org.cove.shared.Did;
import org.cove.shared.InvalidInputException;
import org.cove.shared.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("v1/assets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class AssetsResource {

  private Catalogue catalogue;
  private DdoFormat ddos;
  private Downloads downloads;
  private Authentication authentication;

  @Inject
  AssetsResource(
      Catalogue catalogue, DdoFormat ddos, Downloads downloads, Authentication authentication) {
    this.catalogue = catalogue;
    this.ddos = ddos;
    this.downloads = downloads;
    this.authentication = authentication;
  }

  /** For CDI's proxy; public because RESTEasy looks for a public constructor. */
  public AssetsResource() {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Publish a dataset or algorithm; the DDO comes back without its files")
  public Response publish(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      JsonObject ddo,
      @Context UriInfo uri) {
    Principal publisher = authentication.require(authorization);
    Asset asset = catalogue.publish(publisher, ddos.parse(ddo));
    return Response.created(uri.getAbsolutePathBuilder().path(asset.did().value()).build())
        .entity(ddos.write(asset))
        .build();
  }

  @GET
  @Operation(summary = "Search the catalogue: words in names, tags and descriptions; newest first")
  public JsonObject search(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("text") String text,
      @QueryParam("type") String type,
      @QueryParam("tag") String tag,
      @QueryParam("publisher") String publisher,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Optional<Principal> caller = authentication.optional(authorization);
    Optional<Address> publishedBy = Params.text(publisher).map(Address::parse);
    boolean includeDisabled =
        caller.map(c -> c.isAdmin() || publishedBy.equals(Optional.of(c.address()))).orElse(false);
    CatalogueQuery query =
        new CatalogueQuery(
            Params.text(text),
            Params.text(type).map(AssetsResource::type),
            Params.text(tag),
            publishedBy,
            includeDisabled,
            Params.integer("page", page, 0),
            Params.integer("size", size, 20));
    return page(catalogue.search(query));
  }

  @GET
  @Path("{did}")
  @Operation(summary = "One asset's DDO")
  public JsonObject get(@PathParam("did") String did) {
    return ddos.write(catalogue.get(Did.parse(did)));
  }

  @GET
  @Path("{did}/sample")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "The dataset's public sample file, to try an algorithm on")
  public Response sample(@PathParam("did") String did) {
    return FileResponses.attachment(downloads.openSample(Did.parse(did)));
  }

  @PUT
  @Path("{did}")
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Replace an asset's description and services (its publisher only)")
  public JsonObject update(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("did") String did,
      JsonObject ddo) {
    Principal caller = authentication.require(authorization);
    return ddos.write(catalogue.update(caller, Did.parse(did), ddos.parse(ddo)));
  }

  @PUT
  @Path("{did}/services/{serviceId}/compute")
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Set who may run what on a compute service (its publisher only)")
  public JsonObject setComputeOptions(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("did") String did,
      @PathParam("serviceId") String serviceId,
      JsonObject compute) {
    Principal caller = authentication.require(authorization);
    return ddos.write(
        catalogue.setComputeOptions(
            caller, Did.parse(did), serviceId, ddos.parseComputeOptions(compute)));
  }

  @POST
  @Path("{did}/disable")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Disable an asset: nothing may use it (its publisher or an admin)")
  public JsonObject disable(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("did") String did) {
    return setState(authorization, did, AssetState.DISABLED);
  }

  @POST
  @Path("{did}/enable")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Enable a disabled asset (its publisher or an admin)")
  public JsonObject enable(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("did") String did) {
    return setState(authorization, did, AssetState.ACTIVE);
  }

  private JsonObject setState(String authorization, String did, AssetState state) {
    Principal caller = authentication.require(authorization);
    return ddos.write(catalogue.setState(caller, Did.parse(did), state));
  }

  private JsonObject page(Page<Asset> page) {
    return Pages.json(page, ddos::write);
  }

  private static AssetType type(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "dataset" -> AssetType.DATASET;
      case "algorithm" -> AssetType.ALGORITHM;
      default -> throw new InvalidInputException("type must be dataset or algorithm");
    };
  }
}
