package org.cove.identity;

/**
 * A request signed the way Ocean's clients sign: {@code keccak256(address + nonce + command)},
 * personal-signed. Address and nonce are kept exactly as the client sent them, because the client
 * signed those characters.
 */
public record SignedRequest(String address, String nonce, String command, String signature) {}
