package dev.cwmp.nbi.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The NBI's JSON: bounded parsing (nesting, string length), and dates as GenieACS writes them. */
public final class Json {

    /** Deepest nesting accepted in a request. */
    public static final int MAX_DEPTH = 64;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(20_000_000)
                    .maxNumberLength(100)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Parses request JSON, or a 400 naming what is wrong (where, and why). */
    public static JsonNode parse(String text, String what) {
        if (text.isBlank()) {
            throw HttpError.badRequest(what + ": empty, JSON expected");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage();
            if (e.getLocation() != null) {
                detail += " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            }
            throw HttpError.badRequest(what + " is not valid JSON: " + detail);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A date as GenieACS's JSON has them: {@code 2026-11-25T10:00:00.000Z}. */
    static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** An ISO-8601 instant, when the text is one. */
    static Optional<Instant> parseDate(String text) {
        if (text.length() < 20 || text.length() > 40 || text.charAt(4) != '-' || text.charAt(10) != 'T') {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
