package org.cove.identity.internal;

import static org.cove.identity.AuthenticationException.INVALID_SIGNATURE;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.cove.identity.AuthenticationException;
import org.cove.shared.Hashes;
import org.web3j.crypto.Sign;

/**
 * A 65-byte secp256k1 signature (r, s, v) in the strict form Cove accepts: v is 27 or 28 (0 and 1
 * are normalised to them), r and s are in range, and s is in the lower half of the curve order
 * (EIP-2), so a signature cannot be replayed in its malleable twin form.
 */
record EthereumSignature(byte[] r, byte[] s, byte v) {

  private static final Pattern HEX_65_BYTES = Pattern.compile("(0x)?[0-9a-fA-F]{130}");
  private static final BigInteger CURVE_ORDER = Sign.CURVE_PARAMS.getN();
  private static final BigInteger HALF_CURVE_ORDER = CURVE_ORDER.shiftRight(1);

  static EthereumSignature parse(String hex) {
    if (hex == null || !HEX_65_BYTES.matcher(hex).matches()) {
      throw refused("a signature is 65 bytes (r, s, v) in hex");
    }
    byte[] bytes = Hashes.fromHex(hex);
    byte[] r = Arrays.copyOfRange(bytes, 0, 32);
    byte[] s = Arrays.copyOfRange(bytes, 32, 64);
    int v = bytes[64] & 0xff;
    if (v == 0 || v == 1) {
      v += 27;
    }
    if (v != 27 && v != 28) {
      throw refused("the recovery id v must be 27 or 28 (or 0 or 1)");
    }
    BigInteger rValue = new BigInteger(1, r);
    BigInteger sValue = new BigInteger(1, s);
    if (rValue.signum() == 0 || rValue.compareTo(CURVE_ORDER) >= 0 || sValue.signum() == 0) {
      throw refused("r or s is out of range");
    }
    if (sValue.compareTo(HALF_CURVE_ORDER) > 0) {
      throw refused("s is in the upper half of the curve order (a malleable signature)");
    }
    return new EthereumSignature(r, s, (byte) v);
  }

  static EthereumSignature of(Sign.SignatureData data) {
    return new EthereumSignature(data.getR(), data.getS(), data.getV()[0]);
  }

  Sign.SignatureData toSignatureData() {
    return new Sign.SignatureData(v, r, s);
  }

  String toHex() {
    byte[] bytes = new byte[65];
    System.arraycopy(r, 0, bytes, 0, 32);
    System.arraycopy(s, 0, bytes, 32, 32);
    bytes[64] = v;
    return "0x" + Hashes.hex(bytes);
  }

  private static AuthenticationException refused(String why) {
    return new AuthenticationException(INVALID_SIGNATURE, why);
  }
}
