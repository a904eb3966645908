package org.cove.shared;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code jakarta.json.Json}'s static methods look it up on
 * every call (a ServiceLoader scan, and an OSGi check on Liberty), which was a tenth of the CPU of
 * answering a job's status: use {@code JSON.createObjectBuilder()} and friends instead.
 */
public final class Jsons {

  public static final JsonProvider JSON = JsonProvider.provider();

  private Jsons() {}
}
