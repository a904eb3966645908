package org.cove.shared;

public class ForbiddenException extends CoveException {

  public ForbiddenException(String detail) {
    super(ProblemType.FORBIDDEN, detail);
  }
}
