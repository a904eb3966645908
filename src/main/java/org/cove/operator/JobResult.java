package org.cove.operator;

/**
 * One file a job produced: an output file (its path under the outputs directory) or a log. Indexes
 * run from 0 over the files that exist.
 */
public record JobResult(int index, ResultType type, String filename, long filesize) {}
