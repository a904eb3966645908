package org.cove.provider;

/** Access services let their files be downloaded; compute services only let algorithms run. */
public enum ServiceType {
  ACCESS,
  COMPUTE
}
