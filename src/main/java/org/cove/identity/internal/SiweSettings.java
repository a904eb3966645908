package org.cove.identity.internal;

import java.net.URI;

/** The domain, scheme, URI and chain this server signs users in for, taken from its public URL. */
record SiweSettings(String scheme, String domain, String uri, long chainId) {

  static SiweSettings of(String publicUrl, long chainId) {
    URI uri = URI.create(publicUrl);
    if (uri.getScheme() == null || uri.getRawAuthority() == null) {
      throw new IllegalStateException("cove.public.url must be an absolute http(s) URL");
    }
    String base = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
    return new SiweSettings(uri.getScheme(), uri.getRawAuthority(), base, chainId);
  }
}
