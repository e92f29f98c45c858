package dev.firebreak.app.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A request body read as one JSON object whose fields are checked one by one: every problem is a 400 naming the field
 * (a missing required one, a wrong type, a value outside its choices, a field the endpoint does not take).
 */
final class JsonRequest {

    private final ObjectNode body;

    private JsonRequest(ObjectNode body) {
        this.body = body;
    }

    /**
     * Parses {@code bytes} (an empty body is an empty object) and refuses fields other than {@code fields}.
     *
     * @throws ApiException 400 naming the line and column of malformed JSON, or the unknown field
     */
    static JsonRequest parse(ObjectMapper mapper, byte[] bytes, List<String> fields) {
        JsonNode root;
        try {
            root = bytes.length == 0 ? mapper.createObjectNode() : mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON" + where(e.getLocation()) + ": " + plain(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ApiException.badRequest("malformed JSON: " + plain(e.getMessage()));
        }
        if (root == null || root.isMissingNode()) {
            root = mapper.createObjectNode();
        }
        if (!(root instanceof ObjectNode object)) {
            throw ApiException.badRequest("the body must be a JSON object, was " + kind(root));
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            if (!fields.contains(name)) {
                throw ApiException.badRequest("unknown field '" + name + "'; this endpoint takes " + String.join(", ", fields));
            }
        }
        return new JsonRequest(object);
    }

    /** A string that must be present and not blank. */
    String requiredText(String name) {
        JsonNode node = present(name);
        String text = textOf(name, node);
        if (text.isBlank()) {
            throw ApiException.badRequest("field '" + name + "': must not be blank");
        }
        return text;
    }

    /** A string that may be absent or null. */
    Optional<String> optionalText(String name) {
        JsonNode node = body.get(name);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(textOf(name, node));
    }

    boolean requiredBoolean(String name) {
        JsonNode node = present(name);
        if (!node.isBoolean()) {
            throw ApiException.badRequest("field '" + name + "': expected true or false, was " + kind(node));
        }
        return node.booleanValue();
    }

    /** A finite number, at least zero. */
    double requiredNonNegativeNumber(String name) {
        JsonNode node = present(name);
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw ApiException.badRequest("field '" + name + "': expected a number, was " + kind(node));
        }
        if (node.doubleValue() < 0) {
            throw ApiException.badRequest("field '" + name + "': must not be negative, was " + node.asText());
        }
        return node.doubleValue();
    }

    Optional<Long> optionalLong(String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiException.badRequest("field '" + name + "': expected a whole number, was " + kind(node));
        }
        return Optional.of(node.longValue());
    }

    /** An object of names to strings (numbers and booleans are taken as their text); absent or null is empty. */
    Map<String, String> textMap(String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("field '" + name + "': expected an object of names to values, was " + kind(node));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (!(value.isTextual() || value.isNumber() || value.isBoolean())) {
                throw ApiException.badRequest("field '" + name + "." + entry.getKey() + "': expected a string, number or"
                        + " boolean, was " + kind(value));
            }
            values.put(entry.getKey(), value.asText());
        }
        return values;
    }

    /** One of {@code type}'s constants, written in lower case ({@code approval_only}; {@code approval-only} too). */
    <E extends Enum<E>> Optional<E> optionalChoice(String name, Class<E> type) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String choices = Arrays.stream(type.getEnumConstants()).map(JsonRequest::choice).collect(Collectors.joining(", "));
        if (!node.isTextual()) {
            throw ApiException.badRequest("field '" + name + "': expected one of " + choices);
        }
        String wanted = node.textValue().strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (choice(constant).equals(wanted)) {
                return Optional.of(constant);
            }
        }
        throw ApiException.badRequest("field '" + name + "': expected one of " + choices);
    }

    <E extends Enum<E>> E requiredChoice(String name, Class<E> type) {
        present(name);
        return optionalChoice(name, type).orElseThrow();
    }

    /** How the API writes an enum constant: lower case with underscores. */
    static String choice(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    private JsonNode present(String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            throw ApiException.badRequest("missing required field '" + name + "'");
        }
        return node;
    }

    private static String textOf(String name, JsonNode node) {
        if (!node.isTextual()) {
            throw ApiException.badRequest("field '" + name + "': expected a string, was " + kind(node));
        }
        return node.textValue();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case NULL, MISSING -> "null";
            case BINARY -> "binary";
        };
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's message without the source description it appends. */
    private static String plain(String message) {
        if (message == null) {
            return "unreadable";
        }
        String text = message.replaceAll("\\s*\\(?\\s*(at )?\\[Source: [^\\]]*\\][^)]*\\)?", "");
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining(" "));
    }
}
