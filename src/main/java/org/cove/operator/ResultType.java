package org.cove.operator;

/** What a result file is, with Ocean's names: clients pick results by type, not by index. */
public enum ResultType {
  OUTPUT("output"),
  ALGORITHM_LOG("algorithmLog"),
  CONFIGURATION_LOG("configurationLog"),
  PUBLISH_LOG("publishLog");

  private final String wireName;

  ResultType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
