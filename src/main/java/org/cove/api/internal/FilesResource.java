package org.cove.api.internal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.cove.identity.Principal;
import org.cove.provider.Uploads;
import org.cove.provider.Uploads.Upload;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("v1/files")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class FilesResource {

  private Uploads uploads;
  private Authentication authentication;

  @Inject
  FilesResource(Uploads uploads, Authentication authentication) {
    this.uploads = uploads;
    this.authentication = authentication;
  }

  /** For CDI's proxy; public because RESTEasy looks for a public constructor. */
  public FilesResource() {}

  @POST
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary =
          "Upload a file (the request body, streamed) for an asset to use: {\"type\": \"upload\","
              + " \"id\": <id>} in a service's files")
  public Response upload(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("filename") String filename,
      InputStream content) {
    Principal owner = authentication.require(authorization);
    Upload upload = uploads.store(owner, filename, content);
    return Response.status(Response.Status.CREATED).entity(upload).build();
  }
}
