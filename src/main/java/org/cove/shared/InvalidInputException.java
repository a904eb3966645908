package org.cove.shared;

/** Input that can never be valid, whoever sends it: a 4xx, never a retry. */
public class InvalidInputException extends CoveException {

  public InvalidInputException(String detail) {
    super(ProblemType.INVALID_REQUEST, detail);
  }

  public InvalidInputException(ProblemType type, String detail) {
    super(type, detail);
  }
}
