package org.cove.ledger.internal;

import jakarta.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cove.ledger.LedgerEntry;
import org.cove.ledger.Verification;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.CanonicalJson;
import org.cove.testing.RandomData;
import org.cove.testing.TestDatabase;

/**
 * The ledger's quality bars on an embedded PostgreSQL configured as Cove runs it (zonky defaults):
 * sustained appends, one per transaction as a request makes them, by one writer and by four; and
 * verification of a 200,000-entry chain. Prints entries per second. Run it from the project
 * directory:
 *
 * <pre>
 * mvn -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/test-classpath.txt
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     org.cove.ledger.internal.LedgerBenchmark
 * </pre>
 */
public final class LedgerBenchmark {

  private static final int APPENDS = 20_000;
  private static final int WARM_UP = 2_000;
  private static final int WRITERS = 4;
  private static final int CHAIN = 200_000;

  private final RandomData random = new RandomData(42);

  public static void main(String[] args) throws Exception {
    new LedgerBenchmark().run();
    System.exit(0);
  }

  private void run() throws Exception {
    TestDatabase appends = TestDatabase.migrated();
    appendRate(appends, 1, WARM_UP);
    double single = appendRate(appends, 1, APPENDS);
    double concurrent = appendRate(appends, WRITERS, APPENDS);
    requireIntact(appends, WARM_UP + 2 * APPENDS);
    report("append, 1 writer, one entry per transaction", single, APPENDS, 1_000);
    report(
        "append, " + WRITERS + " writers, one entry per transaction", concurrent, APPENDS, 1_000);

    TestDatabase chain = TestDatabase.migrated();
    insertChain(chain, CHAIN);
    verifyRate(chain);
    double verify = verifyRate(chain);
    report(String.format(Locale.ROOT, "verify a chain of %,d", CHAIN), verify, CHAIN, 100_000);
  }

  private double appendRate(TestDatabase database, int writers, int total) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(writers);
    List<Connection> connections = new ArrayList<>();
    List<List<AuditEvent>> events = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      connections.add(database.connect());
      List<AuditEvent> mine = new ArrayList<>();
      for (int i = 0; i < total / writers; i++) {
        mine.add(event(i));
      }
      events.add(mine);
    }
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      Connection connection = connections.get(w);
      List<AuditEvent> mine = events.get(w);
      done.add(
          threads.submit(
              () -> {
                for (AuditEvent event : mine) {
                  LedgerTestSupport.append(connection, event);
                }
                return null;
              }));
    }
    for (Future<?> writer : done) {
      writer.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    threads.shutdown();
    for (Connection connection : connections) {
      connection.close();
    }
    return total / seconds;
  }

  private double verifyRate(TestDatabase database) throws SQLException {
    long start = System.nanoTime();
    requireIntact(database, CHAIN);
    return CHAIN / ((System.nanoTime() - start) / 1e9);
  }

  private static void requireIntact(TestDatabase database, long size) throws SQLException {
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      Verification result = LedgerStore.verify(connection, List.of(), c -> true);
      connection.rollback();
      if (!result.ok() || result.size() != size) {
        throw new IllegalStateException("the benchmark chain does not verify: " + result);
      }
    }
  }

  /** Writes a valid chain straight into the table, in batches: appending 200,000 takes minutes. */
  private void insertChain(TestDatabase database, int length) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into ledger_entry (sequence, recorded_at, actor, kind, subject, parties,"
                    + " payload, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      connection.setAutoCommit(false);
      String previous = EntryHasher.GENESIS;
      Instant time = Instant.parse("2026-01-01T00:00:00Z");
      for (int sequence = 1; sequence <= length; sequence++) {
        AuditEvent event = event(sequence);
        time = time.plusMillis(1 + random.nextInt(5000));
        List<Address> parties =
            event.parties().stream().sorted((a, b) -> a.value().compareTo(b.value())).toList();
        LedgerEntry entry =
            TestChains.entry(
                sequence,
                time,
                event.actor(),
                event.kind(),
                event.subject(),
                parties,
                CanonicalJson.canonicalize(event.payload().toString()),
                previous);
        insert.setLong(1, entry.sequence());
        insert.setObject(2, OffsetDateTime.ofInstant(entry.time(), ZoneOffset.UTC));
        insert.setString(3, entry.actor().value());
        insert.setString(4, entry.kind());
        insert.setString(5, entry.subject());
        insert.setArray(
            6,
            connection.createArrayOf(
                "varchar", parties.stream().map(Address::value).toArray(String[]::new)));
        insert.setString(7, entry.payload());
        insert.setString(8, entry.previousHash());
        insert.setString(9, entry.hash());
        insert.addBatch();
        if (sequence % 1_000 == 0) {
          insert.executeBatch();
          connection.commit();
        }
        previous = entry.hash();
      }
      insert.executeBatch();
      connection.commit();
    }
  }

  /** An event shaped like Cove's own: a job submitted by a consumer, the owner a party. */
  private AuditEvent event(int n) {
    return new AuditEvent(
        random.address(),
        "job-submitted",
        "job-" + n,
        Json.createObjectBuilder()
            .add("algorithm", "did:op:" + random.address().value().substring(2))
            .add("dataset", "did:op:" + random.address().value().substring(2))
            .add("environment", "cpu-small")
            .add("price", 0)
            .build(),
        Set.copyOf(random.addresses(2)));
  }

  private static void report(String what, double perSecond, int count, int bar) {
    System.out.printf(
        Locale.ROOT,
        "%-50s %,10.0f entries/s over %,d (bar %,d: %s)%n",
        what,
        perSecond,
        count,
        bar,
        perSecond >= bar ? "met" : "MISSED");
  }
}
