package dev.cwmp.provisioning.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.cwmp.provisioning.Literal;
import dev.cwmp.provisioning.Precondition;
import dev.cwmp.provisioning.Precondition.ComparisonOperator;
import dev.cwmp.provisioning.Precondition.Operand;
import dev.cwmp.provisioning.PreconditionSyntaxException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * GenieACS's legacy precondition form, a MongoDB-style query in JSON, converted as GenieACS 1.2
 * converts it when it loads presets:
 *
 * <ul>
 *   <li>every key of an object must hold (AND, in key order); an empty object always holds;
 *   <li>{@code $and} / {@code $or}: an array of such objects;
 *   <li><code>"_tags": "X"</code> and <code>"_tags": {"$eq": "X"}</code>: {@code Tags.X IS NOT NULL};
 *       <code>"_tags": {"$ne": "X"}</code>: {@code Tags.X IS NULL};
 *   <li><code>"Tags.X": true|false</code> (or <code>{"$eq"|"$ne"|"$exists": bool}</code>): the tag is
 *       present, or absent;
 *   <li><code>"path": value</code>: {@code path = value}; <code>{"$eq"|"$lt"|"$lte"|"$gt"|"$gte": v}</code>
 *       the comparisons; <code>{"$ne": v}</code>: {@code path <> v OR path IS NULL}.
 * </ul>
 *
 * Anything else ({@code $in}, {@code $regex}, arrays or objects as values, null) is rejected with
 * the column of the offending token.
 */
public final class LegacyPrecondition {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(PreconditionParser.MAX_LENGTH)
                    .maxNumberLength(64)
                    .build())
            .build();

    private final String text;
    private final JsonParser parser;

    private LegacyPrecondition(String text, JsonParser parser) {
        this.text = text;
        this.parser = parser;
    }

    public static Precondition parse(String text) {
        if (text.length() > PreconditionParser.MAX_LENGTH) {
            throw new PreconditionSyntaxException(text, PreconditionParser.MAX_LENGTH + 1,
                    "at most " + PreconditionParser.MAX_LENGTH + " characters");
        }
        try (JsonParser parser = JSON.createParser(text)) {
            LegacyPrecondition legacy = new LegacyPrecondition(text, parser);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw legacy.error("a JSON object");
            }
            Precondition result = legacy.object();
            if (parser.nextToken() != null) {
                throw legacy.error("the end of the JSON text");
            }
            return result;
        } catch (JsonProcessingException e) {
            int column = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
            throw new PreconditionSyntaxException(text, column, "well-formed JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new PreconditionSyntaxException(text, 1, "well-formed JSON (" + e.getMessage() + ")");
        }
    }

    /** Reads an object whose START_OBJECT is the current token. */
    private Precondition object() throws IOException {
        List<Precondition> all = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyColumn = column();
            JsonToken value = parser.nextToken();
            if (key.startsWith("$")) {
                if (!key.equals("$and") && !key.equals("$or")) {
                    throw error(keyColumn, "$and or $or (operator " + key + " is not supported)");
                }
                all.add(junction(key.equals("$and")));
            } else if (key.equals("_tags")) {
                all.add(tagsQuery());
            } else {
                Operand operand = operand(key, keyColumn);
                if (operand instanceof Precondition.Tag) {
                    all.add(new Precondition.IsNull(operand, tagExists()));
                } else if (value == JsonToken.START_OBJECT) {
                    all.add(operators(operand));
                } else {
                    all.add(new Precondition.Comparison(operand, ComparisonOperator.EQ, scalar()));
                }
            }
        }
        return combine(all, true);
    }

    private Precondition junction(boolean and) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw error("an array of query objects");
        }
        List<Precondition> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw error("a query object");
            }
            items.add(object());
        }
        if (items.isEmpty()) {
            throw error("at least one query object in " + (and ? "$and" : "$or"));
        }
        return combine(items, and);
    }

    private Precondition tagsQuery() throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return new Precondition.IsNull(tag(parser.getText()), true);
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw error("a tag name or {\"$eq\"|\"$ne\": tag}");
        }
        List<Precondition> conditions = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String op = parser.currentName();
            int opColumn = column();
            if (!op.equals("$eq") && !op.equals("$ne")) {
                throw error(opColumn, "$eq or $ne in a _tags query");
            }
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                throw error("a tag name (a string)");
            }
            conditions.add(new Precondition.IsNull(tag(parser.getText()), op.equals("$eq")));
        }
        if (conditions.isEmpty()) {
            throw error("$eq or $ne in a _tags query");
        }
        return combine(conditions, true);
    }

    /** Reads {@code true}, {@code false} or an object with $eq/$ne/$exists: whether the tag must exist. */
    private boolean tagExists() throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        if (t != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME) {
            throw error("true, false or {\"$eq\"|\"$ne\"|\"$exists\": boolean}");
        }
        String op = parser.currentName();
        int opColumn = column();
        parser.nextToken();
        boolean truthy = truthy();
        boolean exists = switch (op) {
            case "$eq", "$exists" -> truthy;
            case "$ne" -> !truthy;
            default -> throw error(opColumn, "$eq, $ne or $exists in a tag query");
        };
        if (parser.nextToken() != JsonToken.END_OBJECT) {
            throw error("one operator in a tag query");
        }
        return exists;
    }

    private boolean truthy() throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE, VALUE_NULL -> false;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue() != 0;
            case VALUE_STRING -> !parser.getText().isEmpty();
            default -> throw error("a boolean");
        };
    }

    private Precondition operators(Operand operand) throws IOException {
        List<Precondition> conditions = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String op = parser.currentName();
            int opColumn = column();
            parser.nextToken();
            ComparisonOperator cmp = switch (op) {
                case "$eq" -> ComparisonOperator.EQ;
                case "$ne" -> ComparisonOperator.NE;
                case "$lt" -> ComparisonOperator.LT;
                case "$lte" -> ComparisonOperator.LE;
                case "$gt" -> ComparisonOperator.GT;
                case "$gte" -> ComparisonOperator.GE;
                default -> throw error(opColumn, "$eq, $ne, $lt, $lte, $gt or $gte (operator " + op + " is not supported)");
            };
            Precondition c = new Precondition.Comparison(operand, cmp, scalar());
            if (cmp == ComparisonOperator.NE) {
                c = new Precondition.Or(List.of(c, new Precondition.IsNull(operand, false)));
            }
            conditions.add(c);
        }
        if (conditions.isEmpty()) {
            throw error("an operator such as $eq");
        }
        return combine(conditions, true);
    }

    private Literal scalar() throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> new Literal.StringValue(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Literal.NumberValue(parser.getDoubleValue());
            case VALUE_TRUE -> new Literal.BooleanValue(true);
            case VALUE_FALSE -> new Literal.BooleanValue(false);
            default -> throw error("a string, number or boolean");
        };
    }

    private Operand operand(String key, int keyColumn) {
        try {
            return PreconditionParser.parseOperand(key);
        } catch (PreconditionSyntaxException e) {
            throw error(keyColumn + e.column(), e.expected());
        }
    }

    private Precondition.Tag tag(String name) {
        if (name.isEmpty()) {
            throw error("a tag name");
        }
        return new Precondition.Tag(name);
    }

    private static Precondition combine(List<Precondition> items, boolean and) {
        if (items.isEmpty()) {
            return PreconditionParser.ALWAYS;
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return and ? new Precondition.And(items) : new Precondition.Or(items);
    }

    private int column() {
        return Math.max(1, parser.currentTokenLocation().getColumnNr());
    }

    private PreconditionSyntaxException error(String expected) {
        return error(column(), expected);
    }

    private PreconditionSyntaxException error(int column, String expected) {
        return new PreconditionSyntaxException(text, column, expected);
    }
}
