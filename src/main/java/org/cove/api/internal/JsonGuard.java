package org.cove.api.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Checks a JSON body before any reader builds values from it, with a streaming parser that holds
 * one token at a time, so nothing a client sends can make the readers recurse deeply, store what
 * PostgreSQL refuses, or turn into an exception message that carries the body. Refusals name the
 * field by its path ({@code services[0].files[1].url}).
 */
final class JsonGuard {

  /**
   * The deepest nesting of arrays and objects. Cove's deepest body (a trusted algorithm in a DDO's
   * compute service: {@code services[].compute.publisherTrustedAlgorithms[]}) is five levels, and a
   * consumer's free-form {@code algocustomdata} rarely more; a thousand levels made the readers
   * overflow their stacks (a 500) and their exception messages carry the whole body.
   */
  static final int MAX_DEPTH = 32;

  /** A number's text; longer ones cost the parser quadratic time to convert, and mean nothing. */
  static final int MAX_NUMBER_LENGTH = 100;

  /**
   * Decimal exponents a number may have: a double's range, which is what JSON-B reads most numbers
   * into. PostgreSQL refuses exponents past 1000 ({@code value overflows numeric format}).
   */
  static final int MAX_EXPONENT = 308;

  /** The JSON type a resource method reads its body into. */
  enum Shape {
    OBJECT("a JSON object"),
    ARRAY("a JSON array"),
    ANY("JSON");

    private final String description;

    Shape(String description) {
      this.description = description;
    }
  }

  private JsonGuard() {}

  /**
   * @throws InvalidJsonException naming the first field that is not acceptable
   */
  static void check(byte[] body, Charset charset, Shape expected) {
    if (body.length == 0) {
      throw new InvalidJsonException("", "the request body is empty; send " + expected.description);
    }
    Deque<Frame> path = new ArrayDeque<>();
    try (JsonParser parser =
        JSON.createParserFactory(Map.of()).createParser(new ByteArrayInputStream(body), charset)) {
      boolean first = true;
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (first) {
          checkShape(event, expected);
          first = false;
        }
        step(parser, event, path);
      }
    } catch (JsonParsingException e) {
      throw notJson(e.getLocation());
    } catch (JsonException | IllegalStateException e) {
      // an unreadable encoding, or a second value after the first one ended
      throw notJson(null);
    }
  }

  private static void step(JsonParser parser, JsonParser.Event event, Deque<Frame> path) {
    switch (event) {
      case START_OBJECT, START_ARRAY -> {
        advance(path);
        if (path.size() >= MAX_DEPTH) {
          throw new InvalidJsonException(
              Frame.render(path), "is nested deeper than " + MAX_DEPTH + " levels");
        }
        path.push(new Frame(event == JsonParser.Event.START_ARRAY));
      }
      case END_OBJECT, END_ARRAY -> path.pop();
      case KEY_NAME -> {
        String key = parser.getString();
        path.peek().key = null; // a bad name is reported at its object, not at the previous field
        checkText(key, path, "a field name here");
        path.peek().key = key;
      }
      case VALUE_STRING -> {
        advance(path);
        checkText(parser.getString(), path, null);
      }
      case VALUE_NUMBER -> {
        advance(path);
        checkNumber(parser.getString(), path);
      }
      default -> advance(path);
    }
  }

  /** A value starts: in an array it is the next index. */
  private static void advance(Deque<Frame> path) {
    Frame parent = path.peek();
    if (parent != null && parent.array) {
      parent.index++;
    }
  }

  /** {@code null} fits any shape: it is no body, which the method refuses in its own words. */
  private static void checkShape(JsonParser.Event first, Shape expected) {
    boolean fits =
        switch (expected) {
          case OBJECT -> first == JsonParser.Event.START_OBJECT;
          case ARRAY -> first == JsonParser.Event.START_ARRAY;
          case ANY -> true;
        };
    fits |= first == JsonParser.Event.VALUE_NULL;
    if (!fits) {
      throw new InvalidJsonException("", "the request body must be " + expected.description);
    }
  }

  private static void checkText(String text, Deque<Frame> path, String what) {
    ClientText.unstorable(text)
        .ifPresent(
            problem -> {
              throw new InvalidJsonException(
                  Frame.render(path), what == null ? problem : what + " " + problem);
            });
  }

  private static void checkNumber(String text, Deque<Frame> path) {
    String field = null;
    if (text.length() > MAX_NUMBER_LENGTH) {
      field = Frame.render(path);
    } else {
      try {
        BigDecimal number = new BigDecimal(text);
        long exponent = (long) number.precision() - number.scale() - 1;
        if (Math.abs(exponent) > MAX_EXPONENT) {
          field = Frame.render(path);
        }
      } catch (NumberFormatException | ArithmeticException e) {
        field = Frame.render(path);
      }
    }
    if (field != null) {
      throw new InvalidJsonException(
          field,
          "is a number out of range: at most "
              + MAX_NUMBER_LENGTH
              + " characters, magnitude between 1e-"
              + MAX_EXPONENT
              + " and 1e"
              + MAX_EXPONENT
              + ", or 0");
    }
  }

  private static InvalidJsonException notJson(JsonLocation at) {
    String where =
        at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
    return new InvalidJsonException("", "the request body is not valid JSON" + where);
  }

  /** One open array or object, and where in it the parser is. */
  private static final class Frame {
    /** Longer field names are cut in paths: a path is a pointer, not a copy of the body. */
    private static final int MAX_KEY_SHOWN = 64;

    private final boolean array;
    private long index = -1;
    private String key;

    Frame(boolean array) {
      this.array = array;
    }

    /** The path from the body's root to the value being read, e.g. {@code services[0].id}. */
    static String render(Deque<Frame> path) {
      StringBuilder out = new StringBuilder();
      var frames = path.descendingIterator();
      while (frames.hasNext()) {
        Frame frame = frames.next();
        if (frame.array) {
          out.append('[').append(Math.max(frame.index, 0)).append(']');
        } else if (frame.key != null) {
          if (!out.isEmpty()) {
            out.append('.');
          }
          out.append(ClientText.excerpt(frame.key, MAX_KEY_SHOWN));
        }
      }
      return out.toString();
    }
  }
}
