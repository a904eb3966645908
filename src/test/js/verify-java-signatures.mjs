// Checks with ethers that signatures made in Java are what a JavaScript client accepts.
//
//   node verify-java-signatures.mjs signatures.json
//
// The file holds a JSON array of { message, signature, address }, plus "encoding": "hex" when the
// message is raw bytes written as 0x-prefixed hex (Ocean's request hashes) rather than UTF-8 text.
// Prints one line per entry and exits with status 1 if any signature does not recover its address,
// 2 if the file cannot be read.

import { readFileSync } from "node:fs";
import * as ethers from "ethers";

function load(path) {
  try {
    const entries = JSON.parse(readFileSync(path, "utf8"));
    if (!Array.isArray(entries) || entries.length === 0) {
      throw new Error("expected a non-empty JSON array");
    }
    return entries;
  } catch (e) {
    console.error(`cannot read ${path}: ${e.message}`);
    process.exit(2);
  }
}

function recover({ message, encoding, signature }) {
  const signed = encoding === "hex" ? ethers.getBytes(message) : message;
  try {
    return ethers.verifyMessage(signed, signature);
  } catch (e) {
    return `nothing (${e.shortMessage ?? e.message})`;
  }
}

const path = process.argv[2];
if (!path) {
  console.error("usage: node verify-java-signatures.mjs <signatures.json>");
  process.exit(2);
}

let mismatches = 0;
for (const [index, entry] of load(path).entries()) {
  const recovered = recover(entry);
  const expected = ethers.isAddress(entry.address) ? ethers.getAddress(entry.address) : null;
  if (expected !== null && recovered === expected) {
    console.log(`ok       #${index} ${expected}`);
  } else {
    mismatches++;
    console.log(`mismatch #${index} expected ${entry.address}, recovered ${recovered}`);
  }
}
process.exit(mismatches === 0 ? 0 : 1);
