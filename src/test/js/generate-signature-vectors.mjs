// Writes src/test/resources/vectors/signatures.json: signatures made by ethers, an implementation
// independent of the web3j code Cove verifies with, so that the Java tests check Cove against the
// way Ocean's JavaScript clients and browser wallets actually sign.
//
// The output is deterministic: the keys are fixed and ECDSA nonces follow RFC 6979. Run it again
// after changing a case and commit the result:
//
//   cd src/test/js && npm ci && node generate-signature-vectors.mjs

import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as ethers from "ethers";

const OUTPUT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../resources/vectors/signatures.json",
);

// Test-only keys, derived from public phrases: never hold anything of value with them.
const SIGNER = new ethers.Wallet(ethers.id("cove signature vectors: signer"));
const OTHER = new ethers.Wallet(ethers.id("cove signature vectors: another signer"));

const CURVE_ORDER = BigInt("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
const FIELD_PRIME = BigInt("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");

/** The 32 bytes Ocean's clients sign: keccak256 of the UTF-8 text address + nonce + command. */
function oceanRequestHash(address, nonce, command) {
  const message = address + nonce + command;
  const hash = ethers.solidityPackedKeccak256(
    ["bytes"],
    [ethers.hexlify(ethers.toUtf8Bytes(message))],
  );
  if (hash !== ethers.keccak256(ethers.toUtf8Bytes(message))) {
    throw new Error("solidityPacked(bytes) should be the plain keccak256 of the UTF-8 bytes");
  }
  return hash;
}

/** Ocean's request signature: EIP-191 personal_sign over the 32 raw bytes of the hash. */
async function signRequest(wallet, address, nonce, command) {
  return wallet.signMessage(ethers.getBytes(oceanRequestHash(address, nonce, command)));
}

/** The address ethers recovers for a request signature. */
function recoverRequest(address, nonce, command, signature) {
  return ethers.verifyMessage(ethers.getBytes(oceanRequestHash(address, nonce, command)), signature);
}

const hex32 = (value) => ethers.toBeHex(value, 32);

/** Replaces parts of a 65-byte r || s || v signature. */
function withParts(signature, { r, s, v }) {
  const bytes = ethers.getBytes(signature);
  const out = new Uint8Array(65);
  out.set(r === undefined ? bytes.slice(0, 32) : ethers.getBytes(hex32(r)), 0);
  out.set(s === undefined ? bytes.slice(32, 64) : ethers.getBytes(hex32(s)), 32);
  out[64] = v === undefined ? bytes[64] : v;
  return ethers.hexlify(out);
}

function parts(signature) {
  const bytes = ethers.getBytes(signature);
  return {
    r: BigInt(ethers.hexlify(bytes.slice(0, 32))),
    s: BigInt(ethers.hexlify(bytes.slice(32, 64))),
    v: bytes[64],
  };
}

/** The first nonce from `start` whose signature has recovery id v; RFC 6979 makes this stable. */
async function signatureWithV(wallet, address, start, command, v) {
  for (let nonce = start; ; nonce++) {
    const signature = await signRequest(wallet, address, String(nonce), command);
    if (parts(signature).v === v) {
      return { nonce: String(nonce), signature };
    }
  }
}

/** An x coordinate below n for which y^2 = x^3 + 7 has no solution: no point, so no key. */
function xWithoutCurvePoint() {
  const pow = (base, exp, mod) => {
    let result = 1n;
    base %= mod;
    for (; exp > 0n; exp >>= 1n, base = (base * base) % mod) {
      if (exp & 1n) result = (result * base) % mod;
    }
    return result;
  };
  for (let x = 1n; ; x++) {
    const rhs = (x ** 3n + 7n) % FIELD_PRIME;
    if (pow(rhs, (FIELD_PRIME - 1n) / 2n, FIELD_PRIME) === FIELD_PRIME - 1n) {
      return x;
    }
  }
}

async function requestVectors() {
  const address = SIGNER.address;
  const command = "createAuthToken";
  const vectors = [];
  const add = (name, outcome, nonce, cmd, signature, description) => {
    const vector = {
      name,
      description,
      address,
      nonce,
      command: cmd,
      hash: oceanRequestHash(address, nonce, cmd),
      signature,
      expected: outcome,
    };
    if (outcome !== "refused") {
      vector.recovers = recoverRequest(address, nonce, cmd, signature);
    }
    vectors.push(vector);
  };

  const v27 = await signatureWithV(SIGNER, address, 1700000000000, command, 27);
  const v28 = await signatureWithV(SIGNER, address, 1700000000000, command, 28);

  add("valid-v27", "accepted", v27.nonce, command, v27.signature,
    "signed by the address's key, recovery id 27");
  add("valid-v28", "accepted", v28.nonce, command, v28.signature,
    "signed by the address's key, recovery id 28");
  add("valid-other-command", "accepted", "42", "getComputeEnvironments",
    await signRequest(SIGNER, address, "42", "getComputeEnvironments"),
    "a short nonce and another command");
  add("v0-normalised", "accepted", v27.nonce, command, withParts(v27.signature, { v: 0 }),
    "valid-v27 with v written as 0, as some hardware wallets do: normalised to 27");
  add("v1-normalised", "accepted", v28.nonce, command, withParts(v28.signature, { v: 1 }),
    "valid-v28 with v written as 1: normalised to 28");

  add("wrong-address", "other-signer", v27.nonce, command,
    await signRequest(OTHER, address, v27.nonce, command),
    "the same request signed by another key: recovers that key's address");
  add("tampered-command", "other-signer", v27.nonce, "invalidateAuthToken", v27.signature,
    "valid-v27's signature presented for another command: recovers an unrelated address");
  add("tampered-nonce", "other-signer", String(BigInt(v27.nonce) + 1n), command, v27.signature,
    "valid-v27's signature presented with the next nonce: recovers an unrelated address");

  for (const base of [v27, v28]) {
    const { s, v } = parts(base.signature);
    const twin = withParts(base.signature, { s: CURVE_ORDER - s, v: v === 27 ? 28 : 27 });
    add(`high-s-from-v${v}`, "refused", base.nonce, command, twin,
      "valid signature with s replaced by n - s and v flipped (EIP-2 malleability): "
        + "a verifier without the low-s rule recovers the same address (ethers refuses it too)");
  }
  add("v29", "refused", v27.nonce, command, withParts(v27.signature, { v: 29 }),
    "valid-v27 with v written as 29");
  add("v2", "refused", v27.nonce, command, withParts(v27.signature, { v: 2 }),
    "valid-v27 with v written as 2");
  add("compact-eip2098", "refused", v27.nonce, command,
    ethers.Signature.from(v27.signature).compactSerialized,
    "valid-v27 in its 64-byte EIP-2098 compact form");
  add("truncated", "refused", v27.nonce, command, v27.signature.slice(0, -2),
    "valid-v27 without its last byte");
  add("not-hex", "refused", v27.nonce, command, "0x" + "zz" + v27.signature.slice(4),
    "valid-v27 with a non-hex digit");
  add("r-zero", "refused", v27.nonce, command, withParts(v27.signature, { r: 0n }), "r = 0");
  add("r-curve-order", "refused", v27.nonce, command,
    withParts(v27.signature, { r: CURVE_ORDER }), "r = n, out of range");
  add("s-zero", "refused", v27.nonce, command, withParts(v27.signature, { s: 0n }), "s = 0");
  add("r-not-on-curve", "refused", v27.nonce, command,
    withParts(v27.signature, { r: xWithoutCurvePoint() }),
    "r in range but no curve point has it as x: no key can have made it");
  return vectors;
}

function siweMessage(address) {
  return [
    "localhost:9080 wants you to sign in with your Ethereum account:",
    address,
    "",
    "Sign in to Cove.",
    "",
    "URI: http://localhost:9080/",
    "Version: 1",
    "Chain ID: 8996",
    "Nonce: k3Rb8Qx2LmZp7Vt4Hs9Wc1Ny",
    "Issued At: 2025-01-02T03:04:05Z",
    "Expiration Time: 2025-01-02T03:09:05Z",
  ].join("\n");
}

async function personalSignVectors() {
  const texts = [
    ["siwe", "a Sign-In with Ethereum message as Cove issues them", siweMessage(SIGNER.address)],
    ["multibyte-utf8", "the EIP-191 length prefix counts UTF-8 bytes, not characters",
      "Grüße aus Zürich ✓ 🚀"],
    ["empty", "the empty message (prefix length 0)", ""],
  ];
  const vectors = [];
  for (const [name, description, message] of texts) {
    const signature = await SIGNER.signMessage(message);
    if (ethers.verifyMessage(message, signature) !== SIGNER.address) {
      throw new Error("ethers should recover its own signer");
    }
    vectors.push({ name, description, message, address: SIGNER.address, signature });
  }
  return vectors;
}

const document = {
  comment:
    "Generated by src/test/js/generate-signature-vectors.mjs with ethers; do not edit by hand. "
    + "The keys are public test keys.",
  ethers: ethers.version,
  keys: [
    { address: SIGNER.address, privateKey: SIGNER.privateKey },
    { address: OTHER.address, privateKey: OTHER.privateKey },
  ],
  oceanRequests: await requestVectors(),
  personalSign: await personalSignVectors(),
};

mkdirSync(dirname(OUTPUT), { recursive: true });
writeFileSync(OUTPUT, JSON.stringify(document, null, 2) + "\n");
console.log(
  `wrote ${document.oceanRequests.length} request and ${document.personalSign.length} `
    + `personal_sign vectors to ${OUTPUT}`,
);
