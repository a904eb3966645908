package org.cove.api.internal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.cove.identity.Principal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
@SecurityRequirement(name = "bearer")
public class MeResource {

  private Authentication authentication;

  @Inject
  MeResource(Authentication authentication) {
    this.authentication = authentication;
  }

  /** For CDI's proxy; public because RESTEasy looks for a public constructor. */
  public MeResource() {}

  public record Me(String address, List<String> roles) {}

  @GET
  @Operation(summary = "The signed-in account and its roles")
  public Me me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    Principal principal = authentication.require(authorization);
    return new Me(
        principal.address().value(),
        principal.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList());
  }
}
