package org.cove.provider.internal.files;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's exceptions to {@link PublicAddresses} ({@code cove.outbound.allow}): named
 * internal storage as {@code host:port} (a name, an IPv4 address or a bracketed IPv6 address), or
 * whole CIDR blocks, every port of them. A name is matched as the URL writes it, and then every
 * address it resolves to is allowed; an address, written as a {@code host:port} literal or inside a
 * block, is matched by the address a URL's host resolves to, whatever the form the URL gave it.
 */
final class OutboundAllowList {

  private static final Pattern HOST_PORT =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^:\\[\\]]+):(\\d{1,5})");
  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

  static final OutboundAllowList NONE = new OutboundAllowList(List.of(), List.of(), List.of());

  private record Named(String host, int port) {}

  private record Literal(InetAddress address, int port) {}

  private final List<Named> names;
  private final List<Literal> literals;
  private final List<AddressBlock> blocks;

  private OutboundAllowList(List<Named> names, List<Literal> literals, List<AddressBlock> blocks) {
    this.names = List.copyOf(names);
    this.literals = List.copyOf(literals);
    this.blocks = List.copyOf(blocks);
  }

  /**
   * Reads the comma-separated setting; blanks are nothing.
   *
   * @throws IllegalArgumentException naming the position (never the text) of an entry that is
   *     neither {@code host:port} nor a CIDR block
   */
  static OutboundAllowList parse(String setting) {
    List<Named> names = new ArrayList<>();
    List<Literal> literals = new ArrayList<>();
    List<AddressBlock> blocks = new ArrayList<>();
    String[] entries = setting == null ? new String[0] : setting.split(",");
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].trim().toLowerCase(Locale.ROOT);
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.contains("/")) {
        blocks.add(block(entry, i));
        continue;
      }
      Matcher hostPort = HOST_PORT.matcher(entry);
      int port = hostPort.matches() ? Integer.parseInt(hostPort.group(2)) : 0;
      if (port < 1 || port > 65535) {
        throw malformed(i);
      }
      String host = hostPort.group(1);
      Optional<InetAddress> literal = AddressBlock.literal(host);
      if (literal.isPresent()) {
        literals.add(new Literal(literal.get(), port));
      } else if (NAME.matcher(withoutTrailingDot(host)).matches()) {
        names.add(new Named(withoutTrailingDot(host), port));
      } else {
        throw malformed(i);
      }
    }
    return new OutboundAllowList(names, literals, blocks);
  }

  /** Whether the URL's host, as written, and port are named (so any address it has is allowed). */
  boolean allowsName(String host, int port) {
    String name = withoutTrailingDot(host.toLowerCase(Locale.ROOT));
    return names.stream().anyMatch(n -> n.host().equals(name) && n.port() == port);
  }

  /** Whether this address, reached on this port, is allowed by an address entry or a block. */
  boolean allowsAddress(InetAddress address, int port) {
    return literals.stream().anyMatch(l -> l.address().equals(address) && l.port() == port)
        || blocks.stream().anyMatch(b -> b.contains(address));
  }

  private static AddressBlock block(String entry, int index) {
    try {
      return AddressBlock.parse(entry);
    } catch (IllegalArgumentException e) {
      throw malformed(index);
    }
  }

  private static String withoutTrailingDot(String host) {
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  private static IllegalArgumentException malformed(int index) {
    return new IllegalArgumentException(
        "cove.outbound.allow: entry "
            + (index + 1)
            + " is neither host:port nor a CIDR block (such as storage.example:9000 or 10.1.0.0/16)");
  }
}
