package org.cove.api.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.cove.identity.AuthToken;
import org.cove.identity.Principal;
import org.cove.identity.Role;
import org.cove.identity.Tokens;
import org.cove.shared.Address;
import org.cove.shared.CoveException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScrapeAccessTest {

  private static final String SCRAPE = "s3cr3t-scrape-token-0123456789";

  /** Knows two tokens: an admin's and a plain user's. */
  private final Tokens tokens =
      new Tokens() {
        @Override
        public Optional<Principal> authenticate(String token) {
          return switch (token) {
            case "admin-token" -> Optional.of(principal(Role.ADMIN, Role.CONSUMER));
            case "user-token" -> Optional.of(principal(Role.CONSUMER));
            default -> Optional.empty();
          };
        }

        @Override
        public AuthToken issue(Address address, TokenOrigin origin) {
          throw new UnsupportedOperationException();
        }

        @Override
        public AuthToken issue(Address address, TokenOrigin origin, Instant notAfter) {
          throw new UnsupportedOperationException();
        }

        @Override
        public boolean revoke(String token, Address owner) {
          throw new UnsupportedOperationException();
        }
      };

  @Test
  void the_scrape_token_and_an_admins_token_may_scrape() {
    ScrapeAccess access = access(Optional.of(SCRAPE));

    assertThatCode(() -> access.require("Bearer " + SCRAPE)).doesNotThrowAnyException();
    assertThatCode(() -> access.require("Bearer admin-token")).doesNotThrowAnyException();
  }

  @Test
  void without_a_scrape_token_only_admins_may_scrape() {
    ScrapeAccess access = access(Optional.empty());

    assertThatCode(() -> access.require("Bearer admin-token")).doesNotThrowAnyException();
    assertRefused(access, "Bearer " + SCRAPE, 401);
  }

  @Test
  void a_signed_in_user_who_is_no_admin_is_forbidden() {
    assertRefused(access(Optional.of(SCRAPE)), "Bearer user-token", 403);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "Bearer ", "Bearer wrong", "Basic cHJvbWV0aGV1czpzM2NyM3Q="})
  void anyone_else_must_authenticate(String authorization) {
    assertRefused(access(Optional.of(SCRAPE)), authorization, 401);
  }

  @Test
  void an_empty_configured_token_lets_nobody_in_by_it() {
    assertRefused(access(Optional.of("  ")), "Bearer ", 401);
    assertRefused(access(Optional.of("  ")), "Bearer   ", 401);
  }

  private ScrapeAccess access(Optional<String> scrapeToken) {
    return new ScrapeAccess(new Authentication(tokens), scrapeToken);
  }

  private static void assertRefused(ScrapeAccess access, String authorization, int status) {
    assertThatThrownBy(() -> access.require(authorization))
        .isInstanceOfSatisfying(
            CoveException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.type().status()).isEqualTo(status));
  }

  private static Principal principal(Role... roles) {
    return new Principal(new Address("0x" + "a".repeat(40)), Set.of(roles));
  }
}
