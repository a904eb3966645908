package org.cove.identity.internal;

import static org.cove.identity.AuthenticationException.INVALID_NONCE;
import static org.cove.identity.AuthenticationException.INVALID_SIGNATURE;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.cove.identity.AuthenticationException;
import org.cove.identity.SignedRequest;
import org.cove.identity.SignedRequests;
import org.cove.shared.Address;
import org.cove.shared.DatabaseException;
import org.cove.shared.InvalidInputException;

@ApplicationScoped
class OceanSignedRequests implements SignedRequests {

  private static final Pattern NONCE = Pattern.compile("[0-9]{1,18}");

  @Resource(lookup = "jdbc/cove")
  DataSource dataSource;

  // No transaction of its own: consuming the nonce is one statement (a start paid one more round
  // trip and the commit machinery for it); in a caller's transaction the connection joins that.
  @Override
  public Address verify(SignedRequest request) {
    return verify(request, List.of(request.command()));
  }

  /**
   * Accepts the signature if it covers any of {@code commands} (for clients that sign an older form
   * of a message), then consumes the nonce.
   */
  Address verify(SignedRequest request, List<String> commands) {
    Address claimed = Address.parse(request.address());
    long nonce = parseNonce(request.nonce());
    if (!signedBy(claimed, request, commands)) {
      throw new AuthenticationException(
          INVALID_SIGNATURE, "the signature was not made by this address for this request");
    }
    consume(claimed, nonce);
    return claimed;
  }

  /**
   * Whether {@code claimed} personal-signed the request over any of {@code commands}, in any of the
   * forms Ocean's clients sign (see {@link PersonalSign#oceanRequestMessages}).
   */
  static boolean signedBy(Address claimed, SignedRequest request, List<String> commands) {
    return commands.stream()
        .flatMap(
            c -> PersonalSign.oceanRequestMessages(request.address(), request.nonce(), c).stream())
        .anyMatch(message -> PersonalSign.recover(message, request.signature()).equals(claimed));
  }

  @Override
  public long lastNonce(Address address) {
    try (Connection connection = dataSource.getConnection()) {
      return NonceStore.last(connection, address);
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  private void consume(Address address, long nonce) {
    try (Connection connection = dataSource.getConnection()) {
      if (!NonceStore.advance(connection, address, nonce)) {
        throw new AuthenticationException(
            INVALID_NONCE, "nonce " + nonce + " is not greater than the last one used");
      }
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  static long parseNonce(String text) {
    if (text == null || !NONCE.matcher(text).matches()) {
      throw new InvalidInputException("the nonce must be a whole number of at most 18 digits");
    }
    return Long.parseLong(text);
  }
}
