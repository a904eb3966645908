package org.cove.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.mock.MockDispatcherFactory;
import org.jboss.resteasy.mock.MockHttpRequest;
import org.jboss.resteasy.mock.MockHttpResponse;
import org.jboss.resteasy.spi.Dispatcher;
import org.junit.jupiter.api.Test;

/** JSON bodies through RESTEasy in process, with Cove's guard and mappers as Liberty runs them. */
class JsonBodyGuardTest {

  /**
   * The JDK's reflection changes how it reports a wrong argument type once it has called a method
   * fifteen times: the answer must not change with it.
   */
  private static final int MORE_THAN_REFLECTION_INFLATES = 40;

  @Test
  void an_array_where_an_object_is_expected_is_a_400_every_time() throws Exception {
    Dispatcher dispatcher = dispatcher(true);
    for (int i = 0; i < MORE_THAN_REFLECTION_INFLATES; i++) {
      MockHttpResponse response = post(dispatcher, "/object", "[1]");

      assertProblem(response, "call " + i);
      assertThat(json(response).getString("detail"))
          .isEqualTo("the request body must be a JSON object");
    }
  }

  @Test
  void without_the_guard_the_mapper_still_answers_400_after_reflection_inflates() throws Exception {
    Dispatcher dispatcher = dispatcher(false);
    for (int i = 0; i < MORE_THAN_REFLECTION_INFLATES; i++) {
      assertProblem(post(dispatcher, "/object", "[1]"), "call " + i);
    }
  }

  @Test
  void deep_nul_and_huge_bodies_are_refused_before_the_readers_for_every_kind_of_entity()
      throws Exception {
    Dispatcher dispatcher = dispatcher(true);
    for (String path : new String[] {"/object", "/record", "/value"}) {
      assertProblem(post(dispatcher, path, "[".repeat(1000) + "]".repeat(1000)), path + " deep");
      assertProblem(post(dispatcher, path, "{\"name\": \"a\\u0000\"}"), path + " NUL");
      assertProblem(post(dispatcher, path, "{\"name\": 1e999999}"), path + " huge");
    }
    assertThat(json(post(dispatcher, "/record", "{\"name\": \"a\\u0000\"}")).getString("detail"))
        .isEqualTo("name: holds U+0000, which cannot be stored");
  }

  @Test
  void acceptable_bodies_reach_the_method_unchanged() throws Exception {
    Dispatcher dispatcher = dispatcher(true);

    assertThat(post(dispatcher, "/object", "{\"name\": \"Ada\"}").getContentAsString())
        .isEqualTo("Ada");
    assertThat(post(dispatcher, "/record", "{\"name\": \"Ada\"}").getContentAsString())
        .isEqualTo("Ada");
    assertThat(post(dispatcher, "/value", "[1, 2]").getContentAsString()).isEqualTo("ARRAY");
  }

  private static void assertProblem(MockHttpResponse response, String what) throws Exception {
    assertThat(response.getStatus()).as(what + ": " + response.getContentAsString()).isEqualTo(400);
    assertThat(json(response).getString("type")).isEqualTo("urn:cove:problem:invalid-request");
  }

  private static Dispatcher dispatcher(boolean guarded) {
    Dispatcher dispatcher = MockDispatcherFactory.createDispatcher();
    dispatcher.getRegistry().addSingletonResource(new Bodies());
    for (Class<?> provider :
        new Class<?>[] {
          CoveExceptionMapper.class,
          WebApplicationExceptionMapper.class,
          UnexpectedExceptionMapper.class
        }) {
      dispatcher.getProviderFactory().registerProvider(provider);
    }
    if (guarded) {
      dispatcher.getProviderFactory().registerProvider(JsonBodyGuard.class);
    }
    return dispatcher;
  }

  private static MockHttpResponse post(Dispatcher dispatcher, String path, String body)
      throws Exception {
    MockHttpRequest request =
        MockHttpRequest.post(path)
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .content(body.getBytes(StandardCharsets.UTF_8));
    MockHttpResponse response = new MockHttpResponse();
    dispatcher.invoke(request, response);
    return response;
  }

  private static JsonObject json(MockHttpResponse response) throws Exception {
    try (var reader = Json.createReader(new StringReader(response.getContentAsString()))) {
      return reader.readObject();
    }
  }

  /** A body bound by JSON-B. */
  public record Named(String name) {}

  /** One method per kind of entity Cove's resources read. */
  @Path("/")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.TEXT_PLAIN)
  public static class Bodies {
    @POST
    @Path("object")
    public String object(JsonObject body) {
      return body.getString("name");
    }

    @POST
    @Path("record")
    public String record(Named body) {
      return body.name();
    }

    @POST
    @Path("value")
    public String value(JsonValue body) {
      return body.getValueType().name();
    }
  }
}
