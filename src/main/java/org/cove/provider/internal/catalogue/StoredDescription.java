package org.cove.provider.internal.catalogue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import org.cove.provider.Credentials;
import org.cove.provider.Metadata;
import org.cove.provider.Service;

/**
 * The part of an asset kept as JSON in its row: what is not a searchable column. Written and read
 * with JSON-B straight from the API records.
 */
public record StoredDescription(
    Metadata metadata, List<Service> services, Credentials credentials) {

  private static final Jsonb JSONB = JsonbBuilder.create();

  String toJson() {
    return JSONB.toJson(this);
  }

  static StoredDescription fromJson(String json) {
    return JSONB.fromJson(json, StoredDescription.class);
  }
}
