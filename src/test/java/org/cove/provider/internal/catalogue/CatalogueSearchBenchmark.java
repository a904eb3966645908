package org.cove.provider.internal.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.cove.provider.AssetType;
import org.cove.provider.CatalogueQuery;
import org.cove.shared.Address;
import org.cove.testing.TestDatabase;

/**
 * The catalogue's search at 100,000 assets on a real PostgreSQL (zonky, as Cove embeds it): the
 * exact SQL the catalogue runs ({@link CatalogueSearchSql}), a count and a 20-row page per search,
 * as the API and the portal's lazy grid ask. Words follow a skewed distribution, so some are in
 * tens of thousands of assets and others in a handful. Bar: p95 ≤ 100 ms for a text query. Run it
 * from the project directory:
 *
 * <pre>
 * mvn -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/test-classpath.txt
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     org.cove.provider.internal.CatalogueSearchBenchmark
 * </pre>
 */
public final class CatalogueSearchBenchmark {

  static final int ASSETS = 100_000;
  static final int VOCABULARY = 5_000;
  static final int TAGS = 300;
  static final int PUBLISHERS = 500;
  static final int SEARCHES = 300;

  private final Random random = new Random(42);
  private final String[] words = words(VOCABULARY);
  private final String[] tags = Arrays.copyOf(words(TAGS + VOCABULARY), TAGS);
  private final Address[] publishers = new Address[PUBLISHERS];

  public static void main(String[] args) throws SQLException {
    new CatalogueSearchBenchmark().run();
    System.exit(0);
  }

  private void run() throws SQLException {
    for (int i = 0; i < PUBLISHERS; i++) {
      publishers[i] = new Address("0x" + String.format("%040x", i + 1));
    }
    TestDatabase database = TestDatabase.migrated();
    try (Connection connection = database.connect()) {
      long start = System.nanoTime();
      insertAssets(connection);
      try (Statement statement = connection.createStatement()) {
        statement.execute("analyze provider_asset");
      }
      System.out.printf(
          "inserted %,d assets in %.1f s%n", ASSETS, (System.nanoTime() - start) / 1e9);
      Map<String, Supplier<CatalogueQuery>> kinds = new LinkedHashMap<>();
      kinds.put("text: one common word", () -> text(commonWord()));
      kinds.put("text: one rare word", () -> text(rareWord()));
      kinds.put("text: two words", () -> text(commonWord() + " " + anyWord()));
      kinds.put(
          "text + type algorithm",
          () ->
              query(
                  Optional.of(commonWord()),
                  Optional.of(AssetType.ALGORITHM),
                  Optional.empty(),
                  Optional.empty()));
      kinds.put(
          "text + tag",
          () ->
              query(
                  Optional.of(anyWord()),
                  Optional.empty(),
                  Optional.of(tags[random.nextInt(TAGS)]),
                  Optional.empty()));
      kinds.put(
          "tag only",
          () ->
              query(
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(tags[random.nextInt(TAGS)]),
                  Optional.empty()));
      kinds.put(
          "publisher only",
          () ->
              query(
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(publishers[random.nextInt(PUBLISHERS)])));
      kinds.put("browse newest, page 50", this::browse);
      List<Double> allText = new ArrayList<>();
      for (Map.Entry<String, Supplier<CatalogueQuery>> kind : kinds.entrySet()) {
        double[] millis = measure(connection, kind.getValue());
        if (kind.getKey().startsWith("text")) {
          Arrays.stream(millis).forEach(allText::add);
        }
        report(kind.getKey(), millis);
      }
      report("all text searches", allText.stream().mapToDouble(Double::doubleValue).toArray());
    }
  }

  private double[] measure(Connection connection, Supplier<CatalogueQuery> queries)
      throws SQLException {
    for (int i = 0; i < 30; i++) {
      search(connection, queries.get()); // warm-up
    }
    double[] millis = new double[SEARCHES];
    for (int i = 0; i < SEARCHES; i++) {
      CatalogueQuery query = queries.get();
      long start = System.nanoTime();
      search(connection, query);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    return millis;
  }

  /** What JpaCatalogue.search asks of the database: the total, then one page of rows. */
  private static void search(Connection connection, CatalogueQuery query) throws SQLException {
    CatalogueSearchSql sql = CatalogueSearchSql.of(query);
    try (PreparedStatement count =
            bind(connection.prepareStatement(sql.countSql()), sql.parameters());
        ResultSet total = count.executeQuery()) {
      total.next();
    }
    try (PreparedStatement page =
            bind(connection.prepareStatement(sql.pageSql()), sql.pageParameters());
        ResultSet rows = page.executeQuery()) {
      while (rows.next()) {
        rows.getString("ddo");
      }
    }
  }

  private static PreparedStatement bind(PreparedStatement statement, List<Object> parameters)
      throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
    return statement;
  }

  private static void report(String name, double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-28s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (%d searches)%n",
        name, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.length);
  }

  private static double at(double[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
  }

  private CatalogueQuery text(String text) {
    return query(Optional.of(text), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private CatalogueQuery browse() {
    return new CatalogueQuery(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, 50, 20);
  }

  private static CatalogueQuery query(
      Optional<String> text,
      Optional<AssetType> type,
      Optional<String> tag,
      Optional<Address> publisher) {
    return new CatalogueQuery(text, type, tag, publisher, false, 0, 20);
  }

  private String commonWord() {
    return words[random.nextInt(50)];
  }

  private String rareWord() {
    return words[VOCABULARY - 1 - random.nextInt(2_000)];
  }

  private String anyWord() {
    return words[skewed(VOCABULARY)];
  }

  /** Small indexes far more often than large ones, as words in real descriptions go. */
  private int skewed(int n) {
    double u = random.nextDouble();
    return (int) (n * u * u * u);
  }

  private void insertAssets(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
    String sql =
        "insert into provider_asset (did, asset_key, publisher, type, state, name, description,"
            + " tags, tags_text, ddo, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)";
    Instant now = Instant.now();
    HexFormat hex = HexFormat.of();
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (int i = 0; i < ASSETS; i++) {
        byte[] id = new byte[32];
        random.nextBytes(id);
        String name = sentence(3 + random.nextInt(4));
        String description = sentence(20 + random.nextInt(60));
        String[] assetTags = new String[1 + random.nextInt(4)];
        for (int t = 0; t < assetTags.length; t++) {
          assetTags[t] = tags[skewed(TAGS)];
        }
        Instant updated = now.minusSeconds(random.nextInt(2 * 365 * 24 * 3600));
        insert.setString(1, "did:op:" + hex.formatHex(id));
        insert.setString(2, hex.formatHex(id));
        insert.setString(3, publishers[random.nextInt(PUBLISHERS)].value());
        insert.setString(4, random.nextInt(5) == 0 ? "ALGORITHM" : "DATASET");
        insert.setString(5, random.nextInt(50) == 0 ? "DISABLED" : "ACTIVE");
        insert.setString(6, name);
        insert.setString(7, description);
        insert.setArray(8, connection.createArrayOf("varchar", assetTags));
        insert.setString(9, String.join(" ", assetTags));
        insert.setString(10, ddo(name, description, assetTags));
        insert.setTimestamp(11, Timestamp.from(updated));
        insert.setTimestamp(12, Timestamp.from(updated));
        insert.addBatch();
        if (i % 1_000 == 999) {
          insert.executeBatch();
          connection.commit();
        }
      }
    }
    connection.setAutoCommit(true);
  }

  /** A stored description of the usual size (about 1 KB). */
  private static String ddo(String name, String description, String[] tags) {
    return "{\"metadata\":{\"name\":\""
        + name
        + "\",\"description\":\""
        + description
        + "\",\"tags\":[\""
        + String.join("\",\"", tags)
        + "\"],\"author\":\"Benchmark\","
        + "\"license\":\"CC-BY-4.0\",\"type\":\"DATASET\"},\"services\":[{\"id\":\"compute\","
        + "\"type\":\"COMPUTE\",\"fileCount\":1,\"timeout\":0,\"price\":{\"amount\":0},"
        + "\"compute\":{\"allowRawAlgorithm\":false,\"allowNetworkAccess\":false,"
        + "\"trustedAlgorithms\":[],\"trustedPublishers\":[]}}],"
        + "\"credentials\":{\"allow\":[],\"deny\":[]}}";
  }

  private String sentence(int length) {
    StringBuilder sentence = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sentence.append(i == 0 ? "" : " ").append(words[skewed(VOCABULARY)]);
    }
    return sentence.toString();
  }

  /** Pronounceable made-up words, distinct, so that selectivity, not meaning, is measured. */
  private static String[] words(int count) {
    String[] syllables = {
      "ka", "lo", "mi", "ter", "san", "vo", "ri", "del", "po", "na", "shu", "bel", "tor", "ea",
      "fin", "gra", "hul", "jo", "qua", "zen", "rok", "tiv", "mar", "nel"
    };
    Random words = new Random(7);
    java.util.LinkedHashSet<String> result = new java.util.LinkedHashSet<>();
    while (result.size() < count) {
      int parts = 2 + words.nextInt(3);
      StringBuilder word = new StringBuilder();
      for (int p = 0; p < parts; p++) {
        word.append(syllables[words.nextInt(syllables.length)]);
      }
      result.add(word.toString());
    }
    return result.toArray(String[]::new);
  }
}
