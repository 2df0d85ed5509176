package dev.cwmp.nbi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The subset of MongoDB's query language GenieACS's NBI clients send, evaluated on JSON documents:
 * equality (on arrays: membership), {@code $eq $ne $gt $gte $lt $lte $in $nin $exists $regex
 * $options $not $and $or $nor}, dotted paths through objects and arrays. Comparisons are tolerant as
 * GenieACS's query expansion is: a number matches a string holding that number, a date string
 * compares with another date string or with epoch milliseconds. An unknown operator is an
 * {@link QueryException} naming it.
 */
public final class MongoQuery {

    /** The longest regular expression accepted. */
    public static final int MAX_REGEX_LENGTH = 512;

    /** A query that cannot be evaluated; the message says why. */
    public static final class QueryException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        QueryException(String message) {
            super(message);
        }
    }

    private interface Node {
        boolean test(JsonNode doc);
    }

    private final Node root;
    private final Set<String> paths;
    private final JsonNode document;

    private MongoQuery(Node root, Set<String> paths, JsonNode document) {
        this.root = root;
        this.paths = Set.copyOf(paths);
        this.document = document.deepCopy();
    }

    /** Matches every document. */
    public static MongoQuery all() {
        return new MongoQuery(doc -> true, Set.of(), Json.object());
    }

    /**
     * Parses a query.
     *
     * @param query a JSON object
     * @param expandPath maps a field as written to the path evaluated (devices: {@code X} to {@code X._value})
     * @throws QueryException when the query is not an object or uses an unknown operator
     */
    public static MongoQuery parse(JsonNode query, UnaryOperator<String> expandPath) {
        Set<String> paths = new LinkedHashSet<>();
        Node root = new Parser(expandPath, paths).document(query, "query");
        return new MongoQuery(root, paths, query);
    }

    /**
     * The query as parsed (a copy): {@code {}} for {@link #all()}. A caller may narrow the documents it
     * reads with it (devices: {@link DeviceQueryFilters}) before {@link #matches} decides.
     */
    public JsonNode document() {
        return document.deepCopy();
    }

    /** Whether the document matches. */
    public boolean matches(JsonNode doc) {
        return root.test(doc);
    }

    /** The (expanded) paths the query reads. */
    public Set<String> paths() {
        return paths;
    }

    private static final class Parser {
        private final UnaryOperator<String> expand;
        private final Set<String> paths;

        Parser(UnaryOperator<String> expand, Set<String> paths) {
            this.expand = expand;
            this.paths = paths;
        }

        Node document(JsonNode query, String where) {
            if (!query.isObject()) {
                throw new QueryException(where + " must be a JSON object");
            }
            List<Node> all = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = query.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                if (key.startsWith("$")) {
                    all.add(logical(key, e.getValue()));
                } else {
                    all.add(field(key, e.getValue()));
                }
            }
            return and(all);
        }

        private Node logical(String op, JsonNode value) {
            if (!op.equals("$and") && !op.equals("$or") && !op.equals("$nor")) {
                throw new QueryException("unknown query operator " + op);
            }
            if (!value.isArray() || value.isEmpty()) {
                throw new QueryException(op + " needs a non-empty array of queries");
            }
            List<Node> parts = new ArrayList<>();
            for (JsonNode part : value) {
                parts.add(document(part, "each element of " + op));
            }
            return switch (op) {
                case "$and" -> and(parts);
                case "$or" -> doc -> parts.stream().anyMatch(p -> p.test(doc));
                default -> doc -> parts.stream().noneMatch(p -> p.test(doc));
            };
        }

        private Node field(String key, JsonNode value) {
            checkPath(key);
            String path = expand.apply(key);
            paths.add(path);
            String[] segments = path.split("\\.");
            if (isOperatorObject(value)) {
                Condition c = condition(value, key);
                return doc -> c.test(resolve(doc, segments));
            }
            return doc -> equalsAny(resolve(doc, segments), value);
        }

        private static boolean isOperatorObject(JsonNode value) {
            if (!value.isObject() || value.isEmpty()) {
                return false;
            }
            boolean operators = false;
            boolean plain = false;
            for (Iterator<String> it = value.fieldNames(); it.hasNext();) {
                if (it.next().startsWith("$")) {
                    operators = true;
                } else {
                    plain = true;
                }
            }
            if (operators && plain) {
                throw new QueryException("a field's condition mixes operators and fields: " + value);
            }
            return operators;
        }

        private Condition condition(JsonNode ops, String key) {
            List<Condition> all = new ArrayList<>();
            JsonNode options = ops.get("$options");
            for (Iterator<Map.Entry<String, JsonNode>> it = ops.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                switch (e.getKey()) {
                    case "$eq" -> all.add(values -> equalsAny(values, v));
                    case "$ne" -> all.add(values -> !equalsAny(values, v));
                    case "$gt" -> all.add(values -> compareAny(values, v, c -> c > 0));
                    case "$gte" -> all.add(values -> compareAny(values, v, c -> c >= 0));
                    case "$lt" -> all.add(values -> compareAny(values, v, c -> c < 0));
                    case "$lte" -> all.add(values -> compareAny(values, v, c -> c <= 0));
                    case "$in" -> {
                        List<JsonNode> choices = list(v, "$in", key);
                        all.add(values -> choices.stream().anyMatch(choice -> equalsAny(values, choice)));
                    }
                    case "$nin" -> {
                        List<JsonNode> choices = list(v, "$nin", key);
                        all.add(values -> choices.stream().noneMatch(choice -> equalsAny(values, choice)));
                    }
                    case "$exists" -> {
                        boolean wanted = v.isBoolean() ? v.booleanValue() : v.isNumber() ? v.asDouble() != 0 : true;
                        all.add(values -> values.isEmpty() != wanted);
                    }
                    case "$regex" -> {
                        Pattern p = regex(v, options, key);
                        all.add(values -> values.stream().anyMatch(n -> n.isTextual() && p.matcher(n.textValue()).find()));
                    }
                    case "$options" -> {
                        if (!ops.has("$regex")) {
                            throw new QueryException("$options without $regex on " + key);
                        }
                    }
                    case "$not" -> {
                        Condition inner = v.isObject() && isOperatorObject(v) ? condition(v, key) : null;
                        if (inner == null) {
                            throw new QueryException("$not on " + key + " needs an operator object, e.g. {\"$not\": {\"$gt\": 1}}");
                        }
                        all.add(values -> !inner.test(values));
                    }
                    default -> throw new QueryException("unknown query operator " + e.getKey() + " on " + key);
                }
            }
            return values -> {
                for (Condition c : all) {
                    if (!c.test(values)) {
                        return false;
                    }
                }
                return true;
            };
        }

        private static List<JsonNode> list(JsonNode v, String op, String key) {
            if (!v.isArray()) {
                throw new QueryException(op + " on " + key + " needs an array");
            }
            List<JsonNode> out = new ArrayList<>();
            v.forEach(out::add);
            return out;
        }

        private static Pattern regex(JsonNode v, JsonNode options, String key) {
            if (!v.isTextual()) {
                throw new QueryException("$regex on " + key + " needs a string");
            }
            if (v.textValue().length() > MAX_REGEX_LENGTH) {
                throw new QueryException("$regex on " + key + " is longer than " + MAX_REGEX_LENGTH + " characters");
            }
            int flags = 0;
            if (options != null) {
                if (!options.isTextual()) {
                    throw new QueryException("$options on " + key + " needs a string");
                }
                for (char c : options.textValue().toCharArray()) {
                    flags |= switch (c) {
                        case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                        case 'm' -> Pattern.MULTILINE;
                        case 's' -> Pattern.DOTALL;
                        case 'x' -> Pattern.COMMENTS;
                        default -> throw new QueryException("unknown $options flag '" + c + "' on " + key);
                    };
                }
            }
            try {
                return Pattern.compile(v.textValue(), flags);
            } catch (PatternSyntaxException e) {
                throw new QueryException("bad $regex on " + key + ": " + e.getDescription() + " at index " + e.getIndex());
            }
        }

        private static Node and(List<Node> all) {
            if (all.size() == 1) {
                return all.get(0);
            }
            return doc -> {
                for (Node n : all) {
                    if (!n.test(doc)) {
                        return false;
                    }
                }
                return true;
            };
        }
    }

    private interface Condition {
        boolean test(List<JsonNode> values);
    }

    private interface IntCheck {
        boolean test(int comparison);
    }

    /** Checks a dotted path: no empty segment. */
    static void checkPath(String path) {
        if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw new QueryException("bad field path '" + path + "'");
        }
    }

    /**
     * The values at a dotted path, with MongoDB's array semantics: an array on the way is crossed
     * (each element's field), a numeric segment indexes it, and an array at the end gives itself
     * and its elements. Empty when the path leads nowhere.
     */
    static List<JsonNode> resolve(JsonNode doc, String[] segments) {
        List<JsonNode> current = List.of(doc);
        for (String segment : segments) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (node.isObject()) {
                    JsonNode child = node.get(segment);
                    if (child != null) {
                        next.add(child);
                    }
                } else if (node.isArray()) {
                    if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit) && segment.length() < 10) {
                        JsonNode element = node.get(Integer.parseInt(segment));
                        if (element != null) {
                            next.add(element);
                        }
                    }
                    for (JsonNode element : node) {
                        if (element.isObject() && element.has(segment)) {
                            next.add(element.get(segment));
                        }
                    }
                }
            }
            if (next.isEmpty()) {
                return List.of();
            }
            current = next;
        }
        List<JsonNode> out = new ArrayList<>(current);
        for (JsonNode node : current) {
            if (node.isArray()) {
                node.forEach(out::add);
            }
        }
        return out;
    }

    private static boolean equalsAny(List<JsonNode> values, JsonNode wanted) {
        if (wanted.isNull()) {
            return values.isEmpty() || values.stream().anyMatch(JsonNode::isNull);
        }
        for (JsonNode v : values) {
            if (looseEquals(v, wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean compareAny(List<JsonNode> values, JsonNode bound, IntCheck check) {
        for (JsonNode v : values) {
            OptionalInt c = compare(v, bound);
            if (c.isPresent() && check.test(c.getAsInt())) {
                return true;
            }
        }
        return false;
    }

    static boolean looseEquals(JsonNode a, JsonNode b) {
        if (a.isContainerNode() || b.isContainerNode()) {
            return a.equals(b);
        }
        OptionalInt c = compare(a, b);
        return c.isPresent() && c.getAsInt() == 0;
    }

    /** Compares a document value with a query value; empty when they are of kinds that do not compare. */
    static OptionalInt compare(JsonNode a, JsonNode b) {
        if (a.isNull() && b.isNull()) {
            return OptionalInt.of(0);
        }
        if (a.isNumber() && b.isNumber()) {
            return OptionalInt.of(a.decimalValue().compareTo(b.decimalValue()));
        }
        if (a.isBoolean() && b.isBoolean()) {
            return OptionalInt.of(Boolean.compare(a.booleanValue(), b.booleanValue()));
        }
        if (a.isTextual() && b.isTextual()) {
            Optional<Instant> da = Json.parseDate(a.textValue());
            Optional<Instant> db = da.isPresent() ? Json.parseDate(b.textValue()) : Optional.empty();
            if (da.isPresent() && db.isPresent()) {
                return OptionalInt.of(da.get().compareTo(db.get()));
            }
            return OptionalInt.of(Integer.signum(a.textValue().compareTo(b.textValue())));
        }
        if (a.isTextual() && b.isNumber()) {
            return textWithNumber(a.textValue(), b.decimalValue());
        }
        if (a.isNumber() && b.isTextual()) {
            OptionalInt c = textWithNumber(b.textValue(), a.decimalValue());
            return c.isPresent() ? OptionalInt.of(-c.getAsInt()) : c;
        }
        if (a.isBoolean() && b.isTextual() && isBooleanText(b.textValue())) {
            return OptionalInt.of(Boolean.compare(a.booleanValue(), Boolean.parseBoolean(b.textValue())));
        }
        if (a.isTextual() && b.isBoolean() && isBooleanText(a.textValue())) {
            return OptionalInt.of(Boolean.compare(Boolean.parseBoolean(a.textValue()), b.booleanValue()));
        }
        return OptionalInt.empty();
    }

    private static boolean isBooleanText(String text) {
        return text.equals("true") || text.equals("false");
    }

    private static OptionalInt textWithNumber(String text, BigDecimal number) {
        Optional<BigDecimal> parsed = parseNumber(text);
        if (parsed.isPresent()) {
            return OptionalInt.of(parsed.get().compareTo(number));
        }
        Optional<Instant> date = Json.parseDate(text);
        if (date.isPresent()) {
            return OptionalInt.of(BigDecimal.valueOf(date.get().toEpochMilli()).compareTo(number));
        }
        return OptionalInt.empty();
    }

    private static Optional<BigDecimal> parseNumber(String text) {
        if (text.isEmpty() || text.length() > 40) {
            return Optional.empty();
        }
        char c = text.charAt(0);
        if (!(c == '-' || (c >= '0' && c <= '9'))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
