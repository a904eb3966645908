package org.cove.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.cove.api.internal.AuthResource.SiweSignature;
import org.cove.identity.AuthToken;
import org.cove.identity.SignIn;
import org.cove.identity.SiweChallenge;
import org.cove.shared.Address;
import org.jboss.resteasy.mock.MockDispatcherFactory;
import org.jboss.resteasy.mock.MockHttpRequest;
import org.jboss.resteasy.mock.MockHttpResponse;
import org.jboss.resteasy.spi.Dispatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sign-in's request checks are Bean Validation constraints: checked here with a real validator,
 * and through RESTEasy in process with Cove's mappers, so that the answer a client gets is the one
 * the hand-written check gave.
 */
class AuthResourceTest {

  private static final String SEND_BOTH = "send {\"message\": ..., \"signature\": ...}";
  private static final Address ALICE = Address.parse("0x" + "a1".repeat(20));

  private static ValidatorFactory validation;
  private static Validator validator;

  private final AuthResource resource = new AuthResource(new SignsInAnyone());

  @BeforeAll
  static void startValidation() {
    validation = Validation.buildDefaultValidatorFactory();
    validator = validation.getValidator();
  }

  @AfterAll
  static void stopValidation() {
    validation.close();
  }

  @Test
  void a_sign_in_without_a_body_is_told_to_send_message_and_signature() {
    assertThat(signInViolations(null))
        .singleElement()
        .extracting(ConstraintViolation::getMessage)
        .isEqualTo(SEND_BOTH);
  }

  @Test
  void a_sign_in_without_its_message_or_signature_is_told_the_same() {
    assertThat(signInViolations(new SiweSignature(null, "0x01")))
        .extracting(ConstraintViolation::getMessage)
        .containsExactly(SEND_BOTH);
    assertThat(signInViolations(new SiweSignature("hello", null)))
        .extracting(ConstraintViolation::getMessage)
        .containsExactly(SEND_BOTH);
    assertThat(signInViolations(new SiweSignature(null, null)))
        .extracting(ConstraintViolation::getMessage)
        .containsExactly(SEND_BOTH, SEND_BOTH);
  }

  @Test
  void a_sign_in_with_both_passes_to_the_service_whatever_they_hold() {
    assertThat(signInViolations(new SiweSignature("", ""))).isEmpty();
  }

  @Test
  void resteasy_answers_an_incomplete_sign_in_with_the_invalid_request_problem() throws Exception {
    for (String body : new String[] {"{}", "null", "{\"message\": \"hello\"}"}) {
      MockHttpResponse response = post("/v1/auth/siwe", body);

      assertThat(response.getStatus()).as(body).isEqualTo(400);
      assertThat(response.getOutputHeaders().getFirst("Content-Type"))
          .hasToString("application/problem+json");
      JsonObject problem = json(response.getContentAsString());
      assertThat(problem.getString("type")).isEqualTo("urn:cove:problem:invalid-request");
      assertThat(problem.getString("detail")).isEqualTo(SEND_BOTH);
    }
  }

  @Test
  void resteasy_hands_a_complete_sign_in_to_the_service() throws Exception {
    MockHttpResponse response =
        post("/v1/auth/siwe", "{\"message\": \"hello\", \"signature\": \"0x01\"}");

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(json(response.getContentAsString()).getString("token")).isEqualTo("hello/0x01");
  }

  private Set<ConstraintViolation<AuthResource>> signInViolations(SiweSignature body) {
    try {
      Method signIn = AuthResource.class.getMethod("signIn", SiweSignature.class);
      return validator.forExecutables().validateParameters(resource, signIn, new Object[] {body});
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  /** Through RESTEasy with its built-in providers (its own violation mapper too) and Cove's. */
  private MockHttpResponse post(String path, String body) throws Exception {
    Dispatcher dispatcher = MockDispatcherFactory.createDispatcher();
    dispatcher.getRegistry().addSingletonResource(resource);
    for (Class<?> mapper :
        new Class<?>[] {
          CoveExceptionMapper.class,
          ConstraintViolationExceptionMapper.class,
          WebApplicationExceptionMapper.class,
          UnexpectedExceptionMapper.class
        }) {
      dispatcher.getProviderFactory().registerProvider(mapper);
    }
    MockHttpRequest request =
        MockHttpRequest.post(path)
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .accept(MediaType.APPLICATION_JSON_TYPE)
            .content(body.getBytes(StandardCharsets.UTF_8));
    MockHttpResponse response = new MockHttpResponse();
    dispatcher.invoke(request, response);
    return response;
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  /** Signs in whoever sends anything; the token names what was sent. */
  private static final class SignsInAnyone implements SignIn {
    @Override
    public SiweChallenge challenge(Address address) {
      throw new UnsupportedOperationException();
    }

    @Override
    public AuthToken signIn(String message, String signature) {
      return new AuthToken(message + "/" + signature, ALICE, Instant.EPOCH);
    }
  }
}
