// Runs a compute job on Cove with Ocean's own client library (@oceanprotocol/lib, "ocean.js"), the
// way an Ocean user's script would, to prove Cove's compute endpoints speak ocean-node's protocol:
//
//   OCEAN_NODE_URI=<base>/api/services OCEAN_PRIVATE_KEY=<hex> DATASET_DID=... ALGORITHM_DID=...
//   SLOW_ALGORITHM_DID=... ENVIRONMENT=... node ocean-compute-check.mjs
//
// Steps: getComputeEnvironments, initializeCompute, freeComputeStart, computeStatus (with an auth
// token, as ocean.js sends status requests) until the job ends, getComputeResultUrl and a download
// of the output, then a second, slow job stopped with computeStop. Prints a JSON summary on stdout
// (ocean.js logs on stderr); exits 0 if every step held, 1 if one failed (the summary names it).

import { readFileSync } from "node:fs";
import { ProviderInstance } from "@oceanprotocol/lib";
import { Wallet } from "ethers";

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is required`);
    process.exit(2);
  }
  return value;
};

const nodeUri = env("OCEAN_NODE_URI");
const key = env("OCEAN_PRIVATE_KEY");
const wallet = new Wallet(key.startsWith("0x") ? key : `0x${key}`);
const datasets = [{ documentId: env("DATASET_DID"), serviceId: "compute" }];
const algorithm = {
  documentId: env("ALGORITHM_DID"),
  serviceId: "compute",
  algocustomdata: { greeting: "hello from ocean.js" },
};
const slowAlgorithm = { documentId: env("SLOW_ALGORITHM_DID"), serviceId: "compute" };
const environmentId = env("ENVIRONMENT");
const POLL_MS = 200;
const LIMIT_MS = 90_000;

const summary = {
  ok: false,
  oceanJs: JSON.parse(
    readFileSync(new URL("node_modules/@oceanprotocol/lib/package.json", import.meta.url), "utf8"),
  ).version,
  steps: [],
};

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

const pause = () => new Promise((resolve) => setTimeout(resolve, POLL_MS));

/** Polls computeStatus until `until(job)` holds; ocean.js returns one job or an array. */
async function waitFor(token, jobId, until, what) {
  const started = Date.now();
  for (;;) {
    const answer = await ProviderInstance.computeStatus(nodeUri, token, jobId);
    const job = Array.isArray(answer) ? answer[0] : answer;
    if (until(job)) {
      return job;
    }
    check(Date.now() - started < LIMIT_MS, `job ${jobId} did not reach ${what}: ${JSON.stringify(job)}`);
    await pause();
  }
}

try {
  summary.steps.push("getComputeEnvironments");
  const environments = await ProviderInstance.getComputeEnvironments(nodeUri);
  const environment = environments.find((e) => e.id === environmentId);
  check(environment, `no environment ${environmentId} in ${JSON.stringify(environments)}`);
  summary.environment = { id: environment.id, maxJobDuration: environment.maxJobDuration };

  summary.steps.push("initializeCompute");
  const resources = [{ id: "cpu", amount: 1 }];
  // ocean.js 8 sends its fifth argument as maxJobDuration, in seconds.
  const maxJobDuration = 30;
  const initialized = await ProviderInstance.initializeCompute(
    datasets, algorithm, environment.id, "0x0000000000000000000000000000000000000000",
    maxJobDuration, nodeUri, wallet.address, resources, Number(Object.keys(environment.fees)[0] ?? 8996),
  );
  check(initialized && initialized.payment, `initializeCompute gave ${JSON.stringify(initialized)}`);
  summary.initialized = { amount: initialized.payment.amount, maxJobDuration: initialized.maxJobDuration };

  summary.steps.push("freeComputeStart");
  const started = await ProviderInstance.freeComputeStart(
    nodeUri, wallet, environment.id, datasets, algorithm, resources,
  );
  const job = Array.isArray(started) ? started[0] : started;
  check(job && job.jobId, `freeComputeStart gave ${JSON.stringify(started)}`);
  summary.jobId = job.jobId;

  summary.steps.push("generateAuthToken");
  const token = await ProviderInstance.generateAuthToken(wallet, nodeUri);

  summary.steps.push("computeStatus");
  const finished = await waitFor(token, job.jobId, (j) => j.dateFinished, "its end");
  summary.status = finished.status;
  summary.statusText = finished.statusText;
  summary.results = finished.results;

  summary.steps.push("getComputeResultUrl");
  const output = finished.results.find((r) => r.type === "output");
  check(output, `no output among ${JSON.stringify(finished.results)}`);
  const url = await ProviderInstance.getComputeResultUrl(nodeUri, wallet, job.jobId, output.index);
  const download = await fetch(url);
  check(download.ok, `downloading the output answered ${download.status}`);
  summary.output = await download.text();

  summary.steps.push("computeStop");
  const slow = await ProviderInstance.freeComputeStart(
    nodeUri, wallet, environment.id, datasets, slowAlgorithm, resources,
  );
  const slowJob = Array.isArray(slow) ? slow[0] : slow;
  await waitFor(token, slowJob.jobId, (j) => j.status === 40, "status 40");
  await ProviderInstance.computeStop(slowJob.jobId, nodeUri, wallet);
  const stopped = await waitFor(token, slowJob.jobId, (j) => j.dateFinished, "its end");
  summary.stopped = { status: stopped.status, statusText: stopped.statusText };

  summary.ok = true;
} catch (error) {
  summary.error = String(error && error.stack ? error.stack : error);
}

console.log(JSON.stringify(summary, null, 2));
process.exit(summary.ok ? 0 : 1);
