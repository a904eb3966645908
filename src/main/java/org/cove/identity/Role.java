package org.cove.identity;

/**
 * What an account may do. Every address is a consumer, and a publisher of its own assets; admins
 * are named in configuration.
 */
public enum Role {
  CONSUMER,
  PUBLISHER,
  ADMIN
}
