package org.cove.ledger;

import java.util.List;
import org.cove.shared.Page;

/** Reading, verifying and checkpointing the audit ledger. */
public interface Ledger {

  Page<LedgerEntry> entries(LedgerQuery query);

  /** Walks the whole chain and checks it against every stored checkpoint. */
  Verification verify();

  /** As {@link #verify()}, also against checkpoints kept outside Cove. */
  Verification verify(List<Checkpoint> external);

  /** Signs the current head with the provider key and stores the checkpoint. */
  Checkpoint checkpoint();

  List<Checkpoint> checkpoints();
}
