package org.cove.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.cove.shared.Address;

/**
 * Random test data that goes looking for trouble: strings with quotes, backslashes, every control
 * character, non-ASCII and emoji; JSON written the long way round (keys unsorted, whitespace,
 * gratuitous escapes), so that a canonical form has real work to do. Seeded, so a failure can be
 * replayed.
 */
public final class RandomData {

  private static final String PLAIN =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.:/'";
  private static final String SPECIAL = "\"\\/\b\f\n\r\t\u007f";
  private static final int[] NON_ASCII = {
    0xe9, 0xdf, 0xfc, 0x20ac, 0x4e2d, 0x6587, 0x0627, 0x05d0, 0x2028, 0x2029, 0xfeff, 0xfffd,
    0xffff, 0x1f600, 0x1f680, 0x1f9d1, 0x1f3fd, 0x10348, 0x1d11e
  };

  private final long seed;
  private final Random random;

  public RandomData(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** Seeded from the system property {@code cove.test.seed} if given, else at random. */
  public static RandomData fromSeedProperty() {
    String given = System.getProperty("cove.test.seed");
    return new RandomData(given != null ? Long.parseLong(given) : new Random().nextLong());
  }

  public long seed() {
    return seed;
  }

  public Random random() {
    return random;
  }

  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  public boolean nextBoolean() {
    return random.nextBoolean();
  }

  public int between(int from, int to) {
    return from + random.nextInt(to - from + 1);
  }

  public Address address() {
    StringBuilder hex = new StringBuilder("0x");
    for (int i = 0; i < 40; i++) {
      hex.append(Character.forDigit(random.nextInt(16), 16));
    }
    return new Address(hex.toString());
  }

  public List<Address> addresses(int max) {
    Set<Address> addresses = new HashSet<>();
    int count = random.nextInt(max + 1);
    while (addresses.size() < count) {
      addresses.add(address());
    }
    return new ArrayList<>(addresses);
  }

  /** A time with microsecond precision, as PostgreSQL keeps it, between 1970 and 2100. */
  public Instant time() {
    long micros = (long) (random.nextDouble() * 4_102_444_800_000_000L);
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  /** Any text at all, control characters (NUL included), non-ASCII and emoji. */
  public String text(int maxLength) {
    return text(maxLength, true);
  }

  /** As {@link #text(int)} without NUL, which PostgreSQL cannot store in a text column. */
  public String storableText(int maxLength) {
    return text(maxLength, false);
  }

  private String text(int maxLength, boolean withNul) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    while (text.length() < length) {
      switch (random.nextInt(5)) {
        case 0 -> text.append(SPECIAL.charAt(random.nextInt(SPECIAL.length())));
        case 1 -> text.append((char) (withNul ? random.nextInt(0x20) : 1 + random.nextInt(0x1f)));
        case 2 -> text.appendCodePoint(NON_ASCII[random.nextInt(NON_ASCII.length)]);
        default -> text.append(PLAIN.charAt(random.nextInt(PLAIN.length())));
      }
    }
    return text.toString();
  }

  /**
   * A JSON string literal for {@code text}, escaped at random: each character that may appear raw
   * sometimes does, and any character sometimes comes as a short escape where JSON has one or as a
   * \\u escape (upper or lower case hex).
   */
  public String jsonString(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean mustEscape = c == '"' || c == '\\' || c < 0x20;
      int shortForm = "\"\\/\b\f\n\r\t".indexOf(c);
      if (shortForm >= 0 && random.nextBoolean()) {
        json.append('\\').append("\"\\/bfnrt".charAt(shortForm));
      } else if (mustEscape || random.nextInt(4) == 0) {
        String hex = String.format("%04x", (int) c);
        json.append("\\u").append(random.nextBoolean() ? hex : hex.toUpperCase());
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }

  /** A JSON object, nested up to {@code depth}, in a deliberately non-canonical form. */
  public String jsonObject(int depth) {
    int size = random.nextInt(5);
    Set<String> keys = new HashSet<>();
    while (keys.size() < size) {
      keys.add(text(8));
    }
    List<String> members = new ArrayList<>();
    for (String key : keys) {
      members.add(space() + jsonString(key) + space() + ":" + space() + jsonValue(depth - 1));
    }
    return "{" + String.join(",", members) + space() + "}";
  }

  private String jsonValue(int depth) {
    int kind = random.nextInt(depth > 0 ? 8 : 6);
    return switch (kind) {
      case 0 -> jsonString(text(12));
      case 1 -> Long.toString(random.nextInt(2_000_001) - 1_000_000L);
      case 2 -> number();
      case 3 -> random.nextBoolean() ? "true" : "false";
      case 4 -> "null";
      case 5 -> jsonString(text(3));
      case 6 -> jsonObject(depth);
      default -> jsonArray(depth);
    };
  }

  private String jsonArray(int depth) {
    List<String> items = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      items.add(space() + jsonValue(depth - 1));
    }
    return "[" + String.join(",", items) + space() + "]";
  }

  /** Numbers written as people write them: trailing zeros, exponents, -0. */
  private String number() {
    return switch (random.nextInt(5)) {
      case 0 -> String.format("%d.%d0", random.nextInt(1000), random.nextInt(100));
      case 1 -> random.nextInt(9) + 1 + "E" + (random.nextInt(60) - 30);
      case 2 -> "-0";
      case 3 -> Double.toString(random.nextGaussian() * 1e6);
      default -> "0.000" + (random.nextInt(999) + 1);
    };
  }

  private String space() {
    return random.nextInt(3) == 0 ? " \n\t".substring(0, 1 + random.nextInt(3)) : "";
  }
}
