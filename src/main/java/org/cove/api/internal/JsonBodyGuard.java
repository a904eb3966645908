package org.cove.api.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Collection;
import java.util.Locale;
import org.cove.shared.InvalidInputException;

/**
 * Every JSON body a resource method reads passes {@link JsonGuard} first, checked against the type
 * the method reads it into: a JSON array where the method takes an object is refused here, the same
 * way every time, instead of reaching the method call (where the runtime's reflection turned it
 * into a 400 at first and, once it had compiled the call after fifteen of them, a 500).
 */
@Provider
public class JsonBodyGuard implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (isJson(context.getMediaType()) && !isRaw(context.getType())) {
      byte[] body = readAtMostLimit(context.getInputStream());
      JsonGuard.check(body, charset(context.getMediaType()), shape(context.getType()));
      context.setInputStream(new ByteArrayInputStream(body));
    }
    return context.proceed();
  }

  private static boolean isJson(MediaType type) {
    return type != null
        && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
            || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
  }

  /** Bodies read as bytes or text are the method's own business, not JSON values. */
  private static boolean isRaw(Class<?> type) {
    return InputStream.class.isAssignableFrom(type)
        || Reader.class.isAssignableFrom(type)
        || File.class.isAssignableFrom(type)
        || type == byte[].class
        || type == char[].class
        || type == String.class;
  }

  static JsonGuard.Shape shape(Class<?> type) {
    if (JsonObject.class.isAssignableFrom(type)) {
      return JsonGuard.Shape.OBJECT;
    }
    if (JsonArray.class.isAssignableFrom(type)
        || Collection.class.isAssignableFrom(type)
        || type.isArray()) {
      return JsonGuard.Shape.ARRAY;
    }
    return isBoundAsObject(type) ? JsonGuard.Shape.OBJECT : JsonGuard.Shape.ANY;
  }

  /**
   * Records, beans and maps, as JSON-B binds them. A {@code JsonValue}, a number or an enum may be
   * any JSON: the method decides what it accepts.
   */
  private static boolean isBoundAsObject(Class<?> type) {
    return !(type.isPrimitive()
        || type.isEnum()
        || type == Object.class
        || type == Boolean.class
        || Number.class.isAssignableFrom(type)
        || JsonValue.class.isAssignableFrom(type));
  }

  /**
   * The body, read through the limit that {@link JsonBodyLimitFilter} set; read here with the same
   * limit again because an entity coder (a gzip body) may have expanded it since.
   */
  private static byte[] readAtMostLimit(InputStream in) throws IOException {
    byte[] body = in.readNBytes(JsonBodyLimitFilter.MAX_BYTES + 1);
    if (body.length > JsonBodyLimitFilter.MAX_BYTES) {
      throw JsonBodyLimitFilter.tooLarge();
    }
    return body;
  }

  /** JSON is UTF-8 (RFC 8259); a charset parameter is honoured as the JSON readers honour it. */
  private static Charset charset(MediaType type) {
    String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new InvalidInputException("the request's charset is not one this server reads");
    }
  }
}
