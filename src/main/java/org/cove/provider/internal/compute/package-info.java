/**
 * The compute path: a request's admission as a pure function ({@code ComputeAdmission}), quotes and
 * starts around the operator's {@code JobRegistry}, the inputs the engine reads ({@code
 * JobInputs}), and a finished job's output published as a dataset. Uses the files room for inputs
 * and the payments room for what a job costs.
 */
package org.cove.provider.internal.compute;
