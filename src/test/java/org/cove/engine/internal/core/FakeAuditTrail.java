package org.cove.engine.internal.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail;

/**
 * The ledger in memory: records each key once, like the real one, and counts every attempt to
 * record a key it already has. A running engine never makes one; after a crash, the new engine asks
 * again about what the crashed one recorded but had only marked in memory.
 */
public final class FakeAuditTrail implements AuditTrail {

  private final Map<String, AuditEvent> entries = new LinkedHashMap<>();
  public final AtomicInteger repeats = new AtomicInteger();
  public volatile boolean down;

  @Override
  public void record(AuditEvent event) {
    throw new UnsupportedOperationException("the engine records keyed events only");
  }

  @Override
  public synchronized boolean recordOnce(String key, AuditEvent event) {
    if (down) {
      throw new IllegalStateException("database down");
    }
    if (entries.containsKey(key)) {
      repeats.incrementAndGet();
      return false;
    }
    entries.put(key, event);
    return true;
  }

  public synchronized List<String> keys() {
    return new ArrayList<>(entries.keySet());
  }

  public synchronized AuditEvent event(String key) {
    return entries.get(key);
  }
}
