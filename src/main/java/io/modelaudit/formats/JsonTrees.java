package io.modelaudit.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads a JSON document into Jackson's tree nodes straight from a {@link JsonParser}, building the
 * same nodes {@code ObjectMapper.readTree} builds with its default settings (a repeated key keeps
 * its last value; whole numbers as int, long or big-integer nodes; others as double nodes). It
 * needs no {@code ObjectMapper}, whose construction (serializer and deserializer factories, type
 * caches, a default date format with its locale and calendar data) costs a short run more than
 * parsing the model's configuration does.
 */
final class JsonTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /** The next value in {@code p}, or null at the end of the input; iterative, however deep. */
  static JsonNode read(JsonParser p) throws IOException {
    JsonToken token = p.nextToken();
    if (token == null) {
      return null;
    }
    Deque<ContainerNode<?>> open = new ArrayDeque<>();
    Deque<String> keys = new ArrayDeque<>();
    while (true) {
      JsonNode value;
      switch (token) {
        case START_OBJECT -> {
          open.push(NODES.objectNode());
          token = p.nextToken();
          continue;
        }
        case START_ARRAY -> {
          open.push(NODES.arrayNode());
          token = p.nextToken();
          continue;
        }
        case FIELD_NAME -> {
          keys.push(p.currentName());
          token = p.nextToken();
          continue;
        }
        case END_OBJECT, END_ARRAY -> value = open.pop();
        case VALUE_STRING -> value = NODES.textNode(p.getText());
        case VALUE_NUMBER_INT -> value = integral(p);
        case VALUE_NUMBER_FLOAT -> value = NODES.numberNode(p.getDoubleValue());
        case VALUE_TRUE -> value = NODES.booleanNode(true);
        case VALUE_FALSE -> value = NODES.booleanNode(false);
        case VALUE_NULL -> value = NODES.nullNode();
        case VALUE_EMBEDDED_OBJECT -> value = NODES.pojoNode(p.getEmbeddedObject());
        default -> throw new IllegalStateException("unexpected JSON token " + token);
      }
      ContainerNode<?> parent = open.peek();
      if (parent == null) {
        return value;
      }
      if (parent instanceof ObjectNode object) {
        object.replace(keys.pop(), value);
      } else {
        ((ArrayNode) parent).add(value);
      }
      token = p.nextToken();
    }
  }

  private static JsonNode integral(JsonParser p) throws IOException {
    return switch (p.getNumberType()) {
      case INT -> NODES.numberNode(p.getIntValue());
      case LONG -> NODES.numberNode(p.getLongValue());
      default -> NODES.numberNode(p.getBigIntegerValue());
    };
  }
}
