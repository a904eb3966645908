package org.cove.engine.internal.local;

import java.util.List;
import java.util.Map;

/** Turns a launch into the command that runs it, isolated as well as this sandbox can. */
interface Sandbox {

  /** The full command line, resource limits included. */
  List<String> command(Launch launch);

  /** The environment the command starts with (bubblewrap clears it and sets its own). */
  Map<String, String> environment(Launch launch);

  /** Whether the algorithm sees the host's file system (then its log mentions host paths). */
  boolean isolated();
}
