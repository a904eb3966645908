package org.cove.ledger.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cove.ledger.Anchors;
import org.cove.ledger.Checkpoint;
import org.cove.ledger.Ledger;
import org.cove.ledger.LedgerEntry;
import org.cove.ledger.LedgerException;
import org.cove.ledger.LedgerQuery;
import org.cove.ledger.Times;
import org.cove.ledger.Verification;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail;
import org.cove.shared.AuditTrail.Keyed;
import org.cove.shared.ChainAnchors;
import org.cove.shared.DatabaseException;
import org.cove.shared.Page;
import org.cove.shared.ProviderSigner;

@ApplicationScoped
class JdbcLedger implements Ledger, AuditTrail {

  @Resource(lookup = "jdbc/cove")
  DataSource dataSource;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  private ProviderSigner signer;
  private Clock clock;
  private KeyedAppends appends;
  private ChainAnchors chain;
  private GroupCommit groupCommit;

  @Inject
  JdbcLedger(ProviderSigner signer, Clock clock, KeyedAppends appends, ChainAnchors chain) {
    this.signer = signer;
    this.clock = clock;
    this.appends = appends;
    this.chain = chain;
    this.groupCommit = new GroupCommit(events -> appends.append(events));
  }

  /** For CDI's proxy. */
  protected JdbcLedger() {}

  /** Joins the caller's transaction: the entry commits exactly when the recorded change does. */
  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(AuditEvent event) {
    inConnection(connection -> LedgerStore.append(connection, event, clock.instant()));
  }

  @Override
  public boolean recordOnce(String key, AuditEvent event) {
    return recordAllOnce(List.of(new Keyed(key, event))) == 1;
  }

  /**
   * In the caller's transaction if there is one (its changes and the entries commit together);
   * otherwise together with whatever other threads are recording at the same moment.
   */
  @Override
  public int recordAllOnce(List<Keyed> events) {
    if (events.isEmpty()) {
      return 0;
    }
    return transactions.getTransactionKey() != null
        ? appends.append(events).size()
        : groupCommit.append(events);
  }

  @Override
  @Transactional
  public Page<LedgerEntry> entries(LedgerQuery query) {
    return inConnection(connection -> LedgerStore.query(connection, query));
  }

  @Override
  public Verification verify() {
    return verify(List.of());
  }

  /**
   * Reads the anchors back from the chain first (a few requests: newest first, until one is
   * confirmed), then walks the chain against the checkpoints and the confirmed anchor's head.
   */
  @Override
  @Transactional
  public Verification verify(List<Checkpoint> external) {
    return inConnection(
        connection -> {
          List<Checkpoint> checkpoints = new ArrayList<>(CheckpointStore.checkpoints(connection));
          checkpoints.addAll(external);
          AnchorReadback.Outcome anchors =
              AnchorReadback.read(
                  AnchorStore.newestFirst(connection, AnchorReadback.MAX_READ),
                  AnchorStore.count(connection),
                  chain,
                  signer.address());
          Verification walked =
              LedgerStore.verify(
                  connection,
                  new ChainVerifier(checkpoints, this::signedByProvider, anchors.marks()));
          return withAnchors(walked, anchors.anchors());
        });
  }

  /** The chain's verdict with the anchors' report; a contradicting anchor fails it too. */
  private static Verification withAnchors(Verification walked, Anchors anchors) {
    boolean contradicted = !anchors.mismatches().isEmpty();
    return new Verification(
        walked.ok() && !contradicted,
        walked.size(),
        walked.head(),
        walked.firstBroken(),
        walked.reason() == null && contradicted ? anchors.mismatches().get(0) : walked.reason(),
        anchors);
  }

  @Override
  @Transactional
  public Checkpoint checkpoint() {
    return inConnection(this::checkpoint);
  }

  /**
   * Checkpoints the head when the policy says one is due. Looked at first without the append lock
   * (appends do not wait for a pass that finds nothing to do), then again under it, so that of two
   * replicas due at once only one makes it.
   */
  @Transactional
  Optional<Checkpoint> checkpointIfDue(CheckpointPolicy policy) {
    return inConnection(
        connection -> {
          Instant now = clock.instant();
          if (!policy.due(CheckpointStore.coverage(connection), now)) {
            return Optional.empty();
          }
          LedgerStore.lock(connection);
          if (!policy.due(CheckpointStore.coverage(connection), now)) {
            return Optional.empty();
          }
          return Optional.of(checkpoint(connection));
        });
  }

  private Checkpoint checkpoint(Connection connection) throws SQLException {
    LedgerStore.lock(connection);
    LedgerStore.Head head = LedgerStore.head(connection);
    if (head.size() == 0) {
      throw new LedgerException("the ledger is empty: there is nothing to checkpoint yet");
    }
    Optional<Checkpoint> existing = CheckpointStore.checkpointAt(connection, head.size());
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant time = Times.truncate(clock.instant());
    Checkpoint unsigned = new Checkpoint(head.size(), head.hash(), time, signer.address(), "");
    String signature = signer.sign(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
    Checkpoint checkpoint =
        new Checkpoint(head.size(), head.hash(), time, signer.address(), signature);
    CheckpointStore.insertCheckpoint(connection, checkpoint);
    return checkpoint;
  }

  @Override
  @Transactional
  public List<Checkpoint> checkpoints() {
    return inConnection(CheckpointStore::checkpoints);
  }

  /** Work on a connection enlisted in the current transaction. */
  private <T> T inConnection(SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
  }

  private boolean signedByProvider(Checkpoint checkpoint) {
    return checkpoint.signer().equals(signer.address())
        && signer.verify(
            checkpoint.signedText().getBytes(StandardCharsets.UTF_8),
            checkpoint.signature(),
            checkpoint.signer());
  }
}
