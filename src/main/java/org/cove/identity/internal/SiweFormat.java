package org.cove.identity.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cove.shared.InvalidInputException;
import org.cove.shared.ProblemType;
import org.web3j.crypto.Keys;

/**
 * The text form of EIP-4361 messages, parsed line by line against the specification's ABNF, with
 * length limits so that no field can be used to smuggle in an oversized message.
 */
final class SiweFormat {

  static final ProblemType INVALID_MESSAGE =
      new ProblemType("invalid-siwe-message", 400, "Not a valid Sign-In with Ethereum message");

  static final int MAX_MESSAGE = 4096;
  static final int MAX_DOMAIN = 253;
  static final int MAX_STATEMENT = 512;
  static final int MAX_URI = 1024;
  static final int MAX_NONCE = 64;
  static final int MAX_REQUEST_ID = 256;
  static final int MAX_RESOURCES = 16;

  private static final String PREAMBLE = " wants you to sign in with your Ethereum account:";
  private static final Pattern FIRST_LINE =
      Pattern.compile("(?:([A-Za-z][A-Za-z0-9+.-]*)://)?([^\\s/?#]+)" + Pattern.quote(PREAMBLE));
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern STATEMENT = Pattern.compile("[\\x20-\\x7E&&[^\\n]]+");
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{8,}");
  private static final Pattern CHAIN_ID = Pattern.compile("[0-9]{1,18}");
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@%]*");

  private SiweFormat() {}

  static String format(SiweMessage m) {
    StringBuilder text = new StringBuilder();
    m.scheme().ifPresent(s -> text.append(s).append("://"));
    text.append(m.domain()).append(PREAMBLE).append('\n');
    text.append(m.address()).append('\n').append('\n');
    m.statement().ifPresent(s -> text.append(s).append('\n'));
    text.append('\n');
    text.append("URI: ").append(m.uri()).append('\n');
    text.append("Version: ").append(m.version()).append('\n');
    text.append("Chain ID: ").append(m.chainId()).append('\n');
    text.append("Nonce: ").append(m.nonce()).append('\n');
    text.append("Issued At: ").append(timestamp(m.issuedAt()));
    m.expirationTime().ifPresent(t -> text.append("\nExpiration Time: ").append(timestamp(t)));
    m.notBefore().ifPresent(t -> text.append("\nNot Before: ").append(timestamp(t)));
    m.requestId().ifPresent(id -> text.append("\nRequest ID: ").append(id));
    if (!m.resources().isEmpty()) {
      text.append("\nResources:");
      m.resources().forEach(r -> text.append("\n- ").append(r));
    }
    return text.toString();
  }

  static String timestamp(Instant instant) {
    return Rfc3339.format(instant);
  }

  static SiweMessage parse(String text) {
    if (text == null || text.isEmpty()) {
      throw invalid("the message is empty");
    }
    if (text.length() > MAX_MESSAGE) {
      throw invalid("the message is longer than " + MAX_MESSAGE + " characters");
    }
    SiweLines lines = new SiweLines(text.split("\n", -1));

    Matcher first = FIRST_LINE.matcher(lines.next("the first line"));
    if (!first.matches()) {
      throw invalid("the first line must be '<domain>" + PREAMBLE + "'");
    }
    Optional<String> scheme = Optional.ofNullable(first.group(1));
    String domain = limited(first.group(2), MAX_DOMAIN, "domain");

    String address = lines.next("the address");
    if (!ADDRESS.matcher(address).matches()) {
      throw invalid("the second line must be an Ethereum address");
    }
    if (!Keys.toChecksumAddress(address).equals(address)) {
      throw invalid("the address must be in its EIP-55 checksummed form");
    }
    lines.expectBlank();

    // EIP-4361 writes two blank lines where the statement is absent; some clients write one.
    Optional<String> statement = Optional.empty();
    String line = lines.hasNext() && lines.peek().startsWith("URI: ") ? "" : lines.next("the URI");
    if (!line.isEmpty()) {
      if (!STATEMENT.matcher(line).matches()) {
        throw invalid("the statement may hold only printable ASCII characters");
      }
      statement = Optional.of(limited(line, MAX_STATEMENT, "statement"));
      lines.expectBlank();
    }

    String uri = uri(lines.field("URI"));
    String version = lines.field("Version");
    if (!"1".equals(version)) {
      throw invalid("the version must be 1");
    }
    String chain = lines.field("Chain ID");
    if (!CHAIN_ID.matcher(chain).matches()) {
      throw invalid("the chain id must be a number");
    }
    String nonce = limited(lines.field("Nonce"), MAX_NONCE, "nonce");
    if (!NONCE.matcher(nonce).matches()) {
      throw invalid("the nonce must be at least 8 letters or digits");
    }
    Instant issuedAt = instant(lines.field("Issued At"), "Issued At");
    Optional<Instant> expiration =
        lines.optionalField("Expiration Time").map(t -> instant(t, "Expiration Time"));
    Optional<Instant> notBefore =
        lines.optionalField("Not Before").map(t -> instant(t, "Not Before"));
    Optional<String> requestId = lines.optionalField("Request ID");
    requestId.ifPresent(
        id -> {
          limited(id, MAX_REQUEST_ID, "request id");
          if (!REQUEST_ID.matcher(id).matches()) {
            throw invalid("the request id holds characters a URI path may not");
          }
        });
    List<String> resources = resources(lines);
    if (lines.hasNext()) {
      throw invalid("unexpected text after the last field");
    }
    return new SiweMessage(
        scheme,
        domain,
        address,
        statement,
        uri,
        version,
        Long.parseLong(chain),
        nonce,
        issuedAt,
        expiration,
        notBefore,
        requestId,
        resources);
  }

  private static List<String> resources(SiweLines lines) {
    List<String> resources = new ArrayList<>();
    if (lines.hasNext() && lines.peek().equals("Resources:")) {
      lines.next("Resources");
      while (lines.hasNext() && lines.peek().startsWith("- ")) {
        if (resources.size() == MAX_RESOURCES) {
          throw invalid("at most " + MAX_RESOURCES + " resources");
        }
        resources.add(uri(lines.next("a resource").substring(2)));
      }
    }
    return resources;
  }

  private static String uri(String text) {
    limited(text, MAX_URI, "URI");
    try {
      URI uri = new URI(text);
      if (!uri.isAbsolute()) {
        throw invalid("'" + text + "' is not an absolute URI");
      }
      return text;
    } catch (URISyntaxException e) {
      throw invalid("not a URI: " + e.getReason());
    }
  }

  private static Instant instant(String text, String field) {
    try {
      return Rfc3339.parse(text);
    } catch (DateTimeParseException e) {
      throw invalid(field + " must be an RFC 3339 date-time");
    }
  }

  private static String limited(String value, int max, String field) {
    if (value.length() > max) {
      throw invalid("the " + field + " is longer than " + max + " characters");
    }
    return value;
  }

  static InvalidInputException invalid(String detail) {
    return new InvalidInputException(INVALID_MESSAGE, detail);
  }
}
