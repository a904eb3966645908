package org.cove.provider.internal.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where Cove may fetch a URL-backed file from: http and https only, and only hosts whose every
 * address is public ({@link PublicAddresses}) or allowed by the operator ({@link
 * OutboundAllowList}). The host is resolved once, here; the fetch connects to the addresses this
 * returns and never looks the name up again, so a DNS answer that changes in between cannot send it
 * elsewhere. A host written as an IPv4 number in any form ({@code 2130706433}, {@code 0x7f.1},
 * {@code 017700000001}) is read as browsers and libc read it ({@link NumericHost}), an IPv6 literal
 * by the JDK, and what they read is checked, so no spelling slips past.
 */
@ApplicationScoped
class OutboundPolicy {

  /** Looks a host up: every address it has. */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A URL Cove does not fetch; the message never names the URL or its host. */
  static class Refused extends UnknownHostException {
    Refused(String message) {
      super(message);
    }
  }

  private static final Pattern NUMERIC_AUTHORITY =
      Pattern.compile("([0-9][0-9a-zA-Z.]*)(?::([0-9]{1,5}))?");

  static final String PRIVATE = "points to a private or local address";
  static final String UNRESOLVED = "names a host that does not resolve";
  static final String NOT_HTTP = "must be an http or https URL";

  private OutboundAllowList allowed;
  private Resolver resolver;

  @Inject
  OutboundPolicy(@ConfigProperty(name = "cove.outbound.allow") Optional<String> allow) {
    this(OutboundAllowList.parse(allow.orElse("")), InetAddress::getAllByName);
  }

  OutboundPolicy(OutboundAllowList allowed, Resolver resolver) {
    this.allowed = allowed;
    this.resolver = resolver;
  }

  /** For CDI's proxy. */
  protected OutboundPolicy() {}

  /** Reads the allow-list at start, so that a malformed one stops the start, not a publish. */
  void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // constructing the bean was the check
  }

  /** The host and port a URL is fetched from. */
  record Target(String scheme, String host, int port) {}

  /**
   * The URL's scheme, host (as the URL writes it, without IPv6 brackets) and port (the scheme's
   * default if none is given).
   *
   * @throws Refused for anything but an http or https URL with a host
   */
  static Target target(URI url) throws Refused {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new Refused(NOT_HTTP);
    }
    String host = url.getHost();
    int port = url.getPort();
    if (host == null) {
      // java.net.URI takes 0x7f.1 or 127.1 for no host name (a last label must not start with a
      // digit), though every browser reads it as an address: the authority names it
      Matcher numeric = NUMERIC_AUTHORITY.matcher(Objects.toString(url.getRawAuthority(), ""));
      if (!numeric.matches()) {
        throw new Refused(NOT_HTTP);
      }
      host = numeric.group(1);
      port = numeric.group(2) == null ? -1 : Integer.parseInt(numeric.group(2));
    }
    if (host.isEmpty() || port > 65535) {
      throw new Refused(NOT_HTTP);
    }
    port = port >= 0 ? port : scheme.equals("https") ? 443 : 80;
    return new Target(scheme, unbracketed(host), port);
  }

  /** Why Cove would not fetch this URL, if it would not: checked when a file is published. */
  Optional<String> refusal(URI url) {
    try {
      Target target = target(url);
      addresses(target.host(), target.port());
      return Optional.empty();
    } catch (Refused e) {
      return Optional.of(e.getMessage());
    } catch (UnknownHostException e) {
      return Optional.of(UNRESOLVED);
    }
  }

  /**
   * Resolves the host once and returns its addresses if every one of them may be reached on this
   * port: a host with one private address among public ones is refused whole, as a DNS answer meant
   * to slip one through would be.
   *
   * @throws Refused when one is private or local and the operator did not allow it
   * @throws UnknownHostException when the host has no address
   */
  List<InetAddress> addresses(String name, int port) throws UnknownHostException {
    String host = unbracketed(name);
    Optional<InetAddress> numeric = host.contains(":") ? Optional.empty() : NumericHost.read(host);
    // brackets make the JDK read an IPv6 literal or refuse it, never ask DNS for it
    InetAddress[] addresses =
        numeric.isPresent()
            ? new InetAddress[] {numeric.get()}
            : resolver.resolve(host.contains(":") ? "[" + host + "]" : host);
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException(UNRESOLVED);
    }
    if (allowed.allowsName(host, port)) {
      return List.of(addresses);
    }
    for (InetAddress address : addresses) {
      if (!PublicAddresses.isPublic(address) && !allowed.allowsAddress(address, port)) {
        throw new Refused(PRIVATE);
      }
    }
    return List.of(addresses);
  }

  private static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
