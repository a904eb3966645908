package org.cove.api.internal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cove.identity.AuthToken;
import org.cove.identity.SignIn;
import org.cove.identity.SiweChallenge;
import org.cove.shared.Address;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class AuthResource {

  /** What a sign-in without its message or signature is told (braces escaped for Validation). */
  static final String SEND_BOTH = "send \\{\"message\": ..., \"signature\": ...\\}";

  private SignIn signIn;

  @Inject
  AuthResource(SignIn signIn) {
    this.signIn = signIn;
  }

  /** For CDI's proxy; public because RESTEasy looks for a public constructor. */
  public AuthResource() {}

  @GET
  @Path("siwe")
  @Operation(summary = "A Sign-In with Ethereum message for this address, valid 5 minutes")
  public SiweChallenge challenge(@QueryParam("address") String address) {
    return signIn.challenge(Address.parse(address));
  }

  /** The signed message, as the wallet signed it. */
  public record SiweSignature(
      @NotNull(message = SEND_BOTH) String message,
      @NotNull(message = SEND_BOTH) String signature) {}

  /** A bearer token and when it expires. */
  public record TokenResponse(String token, String address, String expiresAt) {
    static TokenResponse of(AuthToken token) {
      return new TokenResponse(
          token.token(), token.address().value(), token.expiresAt().toString());
    }
  }

  @POST
  @Path("siwe")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Exchange a signed Sign-In with Ethereum message for a bearer token")
  public TokenResponse signIn(@NotNull(message = SEND_BOTH) @Valid SiweSignature body) {
    return TokenResponse.of(signIn.signIn(body.message(), body.signature()));
  }
}
