package org.cove.shared;

public class NotFoundException extends CoveException {

  public NotFoundException(String detail) {
    super(ProblemType.NOT_FOUND, detail);
  }
}
