package org.cove.operator.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.cove.operator.JobId;

/**
 * What an engine's stage pods exchange with Cove over HTTP (the {@code kubernetes} backend): the
 * configure stage fetches a job's inputs, the publish stage hands back its outputs. Every call
 * carries the job's own token; an unknown job and a wrong token are refused alike, so neither says
 * which jobs exist. The engine implements it; the API only carries the bytes.
 */
public interface StageExchange {

  /**
   * The job's datasets and parameters as a tar stream: {@code inputs/<did>/<n>} and {@code
   * inputs/algoCustomData.json}. Refuses at once; writes when the caller is ready to send.
   */
  Content datasets(JobId id, String token);

  /** The algorithm's code (what {@code $ALGO} names). Refuses at once; writes when asked. */
  Content algorithm(JobId id, String token);

  /** Takes the job's outputs as a tar stream of the files under {@code outputs/}. */
  void receiveOutputs(JobId id, String token, InputStream tar) throws IOException;

  /** Bytes written on demand, after the request was accepted. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }
}
