package dev.cwmp.nbi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * The query parameters of GenieACS's collection reads ({@code query}, {@code projection},
 * {@code sort}, {@code skip}, {@code limit}), parsed and checked (a 400 says what is wrong), and
 * applied to documents.
 */
public final class CollectionQuery {

    /** The largest {@code limit} honoured. */
    public static final int MAX_LIMIT = 100_000;

    private final MongoQuery query;
    private final Optional<List<String>> projection;
    private final Map<String, Integer> sort;
    private final int skip;
    private final OptionalInt limit;

    private CollectionQuery(MongoQuery query, Optional<List<String>> projection, Map<String, Integer> sort,
            int skip, OptionalInt limit) {
        this.query = query;
        this.projection = projection;
        this.sort = sort;
        this.skip = skip;
        this.limit = limit;
    }

    /**
     * Parses the parameters.
     *
     * @param expandPath how a field in a query or sort maps to a document path (devices: {@code X} to
     *     {@code X._value}); projections are taken as written
     */
    public static CollectionQuery parse(Map<String, String> parameters, UnaryOperator<String> expandPath) {
        MongoQuery query = MongoQuery.all();
        String q = parameters.get("query");
        if (q != null && !q.isBlank()) {
            try {
                query = MongoQuery.parse(Json.parse(q, "query"), expandPath);
            } catch (MongoQuery.QueryException e) {
                throw HttpError.badRequest("bad query: " + e.getMessage());
            }
        }
        Optional<List<String>> projection = Optional.empty();
        String p = parameters.get("projection");
        if (p != null && !p.isBlank()) {
            List<String> fields = new ArrayList<>();
            for (String field : p.split(",", -1)) {
                String f = field.strip();
                if (f.isEmpty() || f.startsWith(".") || f.endsWith(".") || f.contains("..") || f.contains("$")) {
                    throw HttpError.badRequest("bad projection: field '" + f + "' is not a dotted path");
                }
                fields.add(f);
            }
            projection = Optional.of(List.copyOf(fields));
        }
        Map<String, Integer> sort = new LinkedHashMap<>();
        String s = parameters.get("sort");
        if (s != null && !s.isBlank()) {
            JsonNode node = Json.parse(s, "sort");
            if (!node.isObject()) {
                throw HttpError.badRequest("bad sort: a JSON object of fields and 1 or -1 expected");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode dir = e.getValue();
                if (!dir.isIntegralNumber() || (dir.asInt() != 1 && dir.asInt() != -1)) {
                    throw HttpError.badRequest("bad sort: the direction of '" + e.getKey() + "' must be 1 or -1");
                }
                try {
                    MongoQuery.checkPath(e.getKey());
                } catch (MongoQuery.QueryException ex) {
                    throw HttpError.badRequest("bad sort: " + ex.getMessage());
                }
                sort.put(expandPath.apply(e.getKey()), dir.asInt());
            }
        }
        int skip = nonNegative(parameters.get("skip"), "skip").orElse(0);
        OptionalInt limit = nonNegative(parameters.get("limit"), "limit");
        return new CollectionQuery(query, projection, Map.copyOf(sort), skip, limit);
    }

    private static OptionalInt nonNegative(String text, String name) {
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v < 0) {
                throw HttpError.badRequest(name + " must not be negative: " + text);
            }
            return OptionalInt.of(Math.min(v, MAX_LIMIT));
        } catch (NumberFormatException e) {
            throw HttpError.badRequest(name + " must be a whole number: " + text);
        }
    }

    /** The query as given ({@code {}} without one), e.g. to narrow the documents read beforehand. */
    public JsonNode queryDocument() {
        return query.document();
    }

    /** Whether a document must include the named top-level field for this query to be answered. */
    public boolean reads(java.util.function.Predicate<String> pathTest) {
        if (projection.isEmpty()) {
            return true;
        }
        return query.paths().stream().anyMatch(pathTest) || sort.keySet().stream().anyMatch(pathTest)
                || projection.get().stream().anyMatch(pathTest);
    }

    /** The result of a read: the documents of the page, and how many matched in all. */
    public record Page(List<JsonNode> documents, long total) {
    }

    /** Filters, sorts, counts, pages and projects. */
    public Page apply(Iterable<? extends JsonNode> documents) {
        List<JsonNode> matched = new ArrayList<>();
        for (JsonNode doc : documents) {
            if (query.matches(doc)) {
                matched.add(doc);
            }
        }
        if (!sort.isEmpty()) {
            matched.sort(comparator());
        }
        int from = Math.min(skip, matched.size());
        int to = limit.isPresent() && limit.getAsInt() > 0 ? (int) Math.min((long) from + limit.getAsInt(), matched.size())
                : matched.size();
        List<JsonNode> page = new ArrayList<>(to - from);
        for (JsonNode doc : matched.subList(from, to)) {
            page.add(project(doc));
        }
        return new Page(page, matched.size());
    }

    private Comparator<JsonNode> comparator() {
        Comparator<JsonNode> all = (a, b) -> 0;
        for (Map.Entry<String, Integer> e : sort.entrySet()) {
            String[] segments = e.getKey().split("\\.");
            Comparator<JsonNode> one = (a, b) -> compareForSort(first(a, segments), first(b, segments));
            all = all.thenComparing(e.getValue() < 0 ? one.reversed() : one);
        }
        return all;
    }

    private static JsonNode first(JsonNode doc, String[] segments) {
        List<JsonNode> values = MongoQuery.resolve(doc, segments);
        return values.isEmpty() ? null : values.get(0);
    }

    private static int compareForSort(JsonNode a, JsonNode b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (a == null || a.isNull()) {
            return 0;
        }
        OptionalInt c = MongoQuery.compare(a, b);
        return c.orElse(a.toString().compareTo(b.toString()));
    }

    // MongoDB's order of kinds: missing/null, numbers, strings, objects, arrays, booleans.
    private static int rank(JsonNode n) {
        if (n == null || n.isNull()) {
            return 0;
        }
        if (n.isNumber()) {
            return 1;
        }
        if (n.isTextual()) {
            return 2;
        }
        if (n.isObject()) {
            return 3;
        }
        if (n.isArray()) {
            return 4;
        }
        return 5;
    }

    private JsonNode project(JsonNode doc) {
        if (projection.isEmpty() || !doc.isObject()) {
            return doc;
        }
        ObjectNode out = Json.object();
        if (doc.has("_id")) {
            out.set("_id", doc.get("_id"));
        }
        for (String field : projection.get()) {
            String[] segments = field.split("\\.");
            JsonNode source = doc;
            ObjectNode target = out;
            for (int i = 0; i < segments.length && source != null && source.isObject(); i++) {
                JsonNode child = source.get(segments[i]);
                if (child == null) {
                    break;
                }
                if (i == segments.length - 1) {
                    target.set(segments[i], child);
                } else {
                    JsonNode existing = target.get(segments[i]);
                    if (existing == child) {
                        break; // the whole subtree is in already
                    }
                    if (existing == null || !existing.isObject()) {
                        existing = Json.object();
                        target.set(segments[i], existing);
                    }
                    target = (ObjectNode) existing;
                }
                source = child;
            }
        }
        return out;
    }
}
