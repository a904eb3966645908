// Runs Ocean's own client library (@oceanprotocol/lib, "ocean.js") through its auth flow against a
// Cove, to prove that ocean.js's nonce and token calls work there as they do against ocean-node:
//
//   node ocean-auth-check.mjs <node URI> [<private key>]
//
// The node URI is Cove's Ocean-compatible root, <base>/api/services. The key (hex, with or without
// 0x) may come from the environment instead of the command line: OCEAN_NODE_URI, OCEAN_PRIVATE_KEY.
// Use a fresh key: the check expects an address Cove has never seen.
//
// Every Ocean call goes through ocean.js's ProviderInstance with an ethers Wallet as signer; only
// the checks of what ocean.js cannot see (the raw nonce answer, Cove's /api/v1/me) use fetch.
// Prints a JSON summary on stdout (ocean.js logs on stderr) and exits 0 if every step held,
// 1 if one failed (the summary names it), 2 on bad arguments.

import { readFileSync } from "node:fs";
import { ProviderInstance } from "@oceanprotocol/lib";
import { Wallet, keccak256, toUtf8Bytes } from "ethers";

const SERVICES_PATH = "/api/services";
const TIMEOUT_MS = 30_000;

function usage(message) {
  console.error(`${message}\nusage: node ocean-auth-check.mjs <node URI> [<private key>]`);
  console.error("   or: OCEAN_NODE_URI=... OCEAN_PRIVATE_KEY=... node ocean-auth-check.mjs");
  process.exit(2);
}

function oceanJsVersion() {
  const packageJson = new URL("node_modules/@oceanprotocol/lib/package.json", import.meta.url);
  return JSON.parse(readFileSync(packageJson, "utf8")).version;
}

/** Fails the check with a message naming what was expected. */
function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

const signal = () => AbortSignal.timeout(TIMEOUT_MS);

/** What ocean.js hashes and personal-signs for a request; for the summary only. */
function signedHash(address, nonce, command) {
  const hash = keccak256(toUtf8Bytes(address + nonce + command));
  const leadingZeroBytes = hash.slice(2).match(/^(00)*/)[0].length / 2;
  return { nonce, command, hash, leadingZeroBytes };
}

/** Cove's account endpoint, called with the token as ocean.js sends tokens: a bare header. */
async function me(base, token) {
  const response = await fetch(`${base}/api/v1/me`, {
    headers: { Authorization: token },
    signal: signal(),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, contentType: response.headers.get("content-type"), body };
}

async function run(nodeUri, base, wallet, summary) {
  const address = wallet.address;
  const step = (name) => {
    summary.step = name;
  };

  step("endpoints");
  // ProviderInstance picks its HTTP implementation (HttpProvider) for an http(s) node URI; the
  // endpoint map is read through that same object, as ocean.js does before every call.
  const http = ProviderInstance.getImpl(nodeUri);
  check(
    http && http !== ProviderInstance.getP2PProvider() && typeof http.getEndpoints === "function",
    "ocean.js did not choose its HTTP provider for this node URI",
  );
  const root = await http.getEndpoints(nodeUri);
  check(root && typeof root.serviceEndpoints === "object",
    `the node URI's answer has no serviceEndpoints: ${JSON.stringify(root)}`);
  const serviceEndpoints = await http.getServiceEndpoints(nodeUri, root);
  summary.endpoints = {};
  for (const name of ["nonce", "generateAuthToken", "invalidateAuthToken"]) {
    const endpoint = http.getEndpointURL(serviceEndpoints, name);
    check(endpoint?.urlPath, `ocean.js finds no ${name} endpoint in ${JSON.stringify(root)}`);
    check(endpoint.urlPath.startsWith(`${nodeUri}/`),
      `${name} resolves to ${endpoint.urlPath}, not under ${nodeUri}`);
    summary.endpoints[name] = { method: endpoint.method, url: endpoint.urlPath };
  }

  step("nonce of a fresh address");
  // ocean.js reads a missing or unparsable nonce as 0, so the raw answer is checked too.
  const raw = await fetch(`${summary.endpoints.nonce.url}?userAddress=${address}`, {
    signal: signal(),
  });
  const rawBody = await raw.json();
  check(raw.status === 200 && rawBody.nonce === 0,
    `the nonce endpoint answered ${raw.status} ${JSON.stringify(rawBody)}, not {"nonce": 0}`);
  const nonceBefore = await ProviderInstance.getNonce(nodeUri, address, signal());
  summary.nonces = { before: nonceBefore };
  check(nonceBefore === 0, `getNonce for a fresh address gave ${nonceBefore}, not 0`);

  step("generateAuthToken");
  summary.signedRequests = [signedHash(address, String(nonceBefore + 1), "createAuthToken")];
  const token = await ProviderInstance.generateAuthToken(wallet, nodeUri, signal());
  check(typeof token === "string" && token.length > 0,
    `generateAuthToken gave ${JSON.stringify(token)}, not a token`);
  summary.token = { length: token.length };

  // ocean.js reads the account out of a token it is handed (utils/Jwt.ts decodeJwt: the JWT
  // payload's `address`), so a token must be a JWT naming its address.
  step("token is a JWT naming the address");
  const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString());
  check(payload.address?.toLowerCase() === address.toLowerCase(),
    `the token's payload is ${JSON.stringify(payload)}, not one naming ${address}`);

  step("nonce after generateAuthToken");
  const nonceAfterToken = await ProviderInstance.getNonce(nodeUri, address, signal());
  summary.nonces.afterToken = nonceAfterToken;
  check(nonceAfterToken === nonceBefore + 1,
    `getNonce after generateAuthToken gave ${nonceAfterToken}, not ${nonceBefore + 1}`);

  step("token authenticates");
  const account = await me(base, token);
  summary.me = { status: account.status, address: account.body?.address };
  check(account.status === 200,
    `GET /api/v1/me with the token answered ${account.status}: ${JSON.stringify(account.body)}`);
  check(String(account.body.address).toLowerCase() === address.toLowerCase(),
    `GET /api/v1/me names ${account.body.address}, not ${address}`);

  step("invalidateAuthToken");
  // ocean.js 8 signs the invalidation over address + nonce, without a command.
  summary.signedRequests.push(signedHash(address, String(nonceAfterToken + 1), ""));
  const result = await ProviderInstance.invalidateAuthToken(wallet, token, nodeUri, signal());
  summary.invalidated = result;
  check(result?.success === true,
    `invalidateAuthToken gave ${JSON.stringify(result)}, not {"success": true}`);
  const nonceAfterInvalidate = await ProviderInstance.getNonce(nodeUri, address, signal());
  summary.nonces.afterInvalidate = nonceAfterInvalidate;
  check(nonceAfterInvalidate === nonceAfterToken + 1,
    `getNonce after invalidateAuthToken gave ${nonceAfterInvalidate}, not ${nonceAfterToken + 1}`);

  step("invalidated token is refused");
  const refused = await me(base, token);
  summary.meAfterInvalidate = { status: refused.status, type: refused.body?.type };
  check(refused.status === 401,
    `GET /api/v1/me with the invalidated token answered ${refused.status}, not 401: `
      + JSON.stringify(refused.body));
  check(refused.body?.type === "urn:cove:problem:invalid-token",
    `the refusal is ${JSON.stringify(refused.body)}, not an invalid-token problem`);

  step("done");
}

const nodeArg = process.argv[2] ?? process.env.OCEAN_NODE_URI;
const keyArg = process.argv[3] ?? process.env.OCEAN_PRIVATE_KEY;
if (!nodeArg) usage("no node URI");
if (!keyArg) usage("no private key");

let nodeUri;
try {
  const url = new URL(nodeArg);
  check(url.protocol === "http:" || url.protocol === "https:", "not http(s)");
  nodeUri = url.href.replace(/\/+$/, "");
} catch (e) {
  usage(`not a node URI: ${nodeArg} (${e.message})`);
}
if (!nodeUri.endsWith(SERVICES_PATH)) {
  usage(`the node URI must be Cove's ${SERVICES_PATH}, not ${nodeUri}`);
}
const base = nodeUri.slice(0, -SERVICES_PATH.length);

let wallet;
try {
  wallet = new Wallet(keyArg.startsWith("0x") ? keyArg : `0x${keyArg}`);
} catch (e) {
  usage(`not a private key (${e.shortMessage ?? e.message})`);
}

const summary = {
  ok: false,
  oceanJs: oceanJsVersion(),
  nodeUri,
  address: wallet.address,
  step: "start",
};
try {
  await run(nodeUri, base, wallet, summary);
  summary.ok = true;
} catch (e) {
  summary.failure = `${summary.step}: ${e.message}`;
}
console.log(JSON.stringify(summary, null, 2));
if (!summary.ok) {
  console.error(`ocean.js auth check failed at ${summary.failure}`);
}
process.exit(summary.ok ? 0 : 1);
