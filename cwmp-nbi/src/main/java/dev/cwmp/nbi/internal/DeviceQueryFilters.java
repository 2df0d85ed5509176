package dev.cwmp.nbi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwmp.session.DeviceFilter;
import dev.cwmp.session.DeviceId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of a device query a store can answer from its indexes, as a {@link DeviceFilter}: the
 * top-level conditions (and those of a top-level {@code $and}) on {@code _id} / {@code DeviceID.ID},
 * {@code _tags}, {@code _lastInform}, and the OUI, product class, serial number and manufacturer
 * ({@code DeviceID.X} or {@code _deviceId._X}). The filter only narrows which devices are read: the
 * whole query is still evaluated on them, so each condition translated must hold for every device
 * the query matches (the filter's devices are a superset of the query's). Anything else, and any
 * value whose comparison is loose in {@link MongoQuery} (a string that is a date, a number), is left
 * out and narrows nothing.
 */
public final class DeviceQueryFilters {

    private DeviceQueryFilters() {
    }

    private enum Field { ID, TAGS, LAST_INFORM, OUI, PRODUCT_CLASS, SERIAL_NUMBER, MANUFACTURER }

    /** The filter every device matched by {@code query} (a JSON object) meets. */
    public static DeviceFilter of(JsonNode query) {
        return conjuncts(query, DeviceFilter.all());
    }

    private static DeviceFilter conjuncts(JsonNode query, DeviceFilter filter) {
        if (!query.isObject()) {
            return filter;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = query.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("$and") && e.getValue().isArray()) {
                for (JsonNode part : e.getValue()) {
                    filter = conjuncts(part, filter);
                }
                continue;
            }
            Optional<Field> field = field(e.getKey());
            if (field.isPresent()) {
                filter = condition(field.get(), e.getValue(), filter);
            }
        }
        return filter;
    }

    private static Optional<Field> field(String key) {
        String k = key.startsWith("DeviceID.") && key.endsWith("._value")
                ? key.substring(0, key.length() - "._value".length()) : key;
        return Optional.ofNullable(switch (k) {
            case "_id", "DeviceID.ID" -> Field.ID;
            case "_tags" -> Field.TAGS;
            case "_lastInform" -> Field.LAST_INFORM;
            case "DeviceID.OUI", "_deviceId._OUI" -> Field.OUI;
            case "DeviceID.ProductClass", "_deviceId._ProductClass" -> Field.PRODUCT_CLASS;
            case "DeviceID.SerialNumber", "_deviceId._SerialNumber" -> Field.SERIAL_NUMBER;
            case "DeviceID.Manufacturer", "_deviceId._Manufacturer" -> Field.MANUFACTURER;
            default -> null;
        });
    }

    private static DeviceFilter condition(Field field, JsonNode value, DeviceFilter filter) {
        if (!isOperatorObject(value)) {
            return equal(field, value, filter);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> op = it.next();
            JsonNode v = op.getValue();
            switch (op.getKey()) {
                case "$eq" -> filter = equal(field, v, filter);
                case "$in" -> filter = in(field, v, filter);
                case "$ne" -> {
                    if (field == Field.TAGS && exactText(v).isPresent()) {
                        filter = filter.withoutTag(v.textValue());
                    }
                }
                case "$gt", "$gte" -> {
                    if (field == Field.LAST_INFORM) {
                        filter = instant(v).map(filter::withLastInformFrom).orElse(filter);
                    }
                }
                case "$lt", "$lte" -> {
                    if (field == Field.LAST_INFORM) {
                        filter = instant(v).map(filter::withLastInformTo).orElse(filter);
                    }
                }
                default -> {
                    // $nin, $exists, $regex, $not...: not narrowed.
                }
            }
        }
        return filter;
    }

    private static boolean isOperatorObject(JsonNode value) {
        if (!value.isObject() || value.isEmpty()) {
            return false;
        }
        for (Iterator<String> it = value.fieldNames(); it.hasNext();) {
            if (!it.next().startsWith("$")) {
                return false;
            }
        }
        return true;
    }

    private static DeviceFilter equal(Field field, JsonNode v, DeviceFilter filter) {
        if (field == Field.LAST_INFORM) {
            Optional<Instant> t = instant(v);
            return t.isPresent() ? filter.withLastInformFrom(t.get()).withLastInformTo(t.get()) : filter;
        }
        Optional<String> text = exactText(v);
        if (text.isEmpty()) {
            return filter;
        }
        if (field == Field.TAGS) {
            return filter.withTag(text.get());
        }
        return in(field, List.of(text.get()), filter);
    }

    private static DeviceFilter in(Field field, JsonNode v, DeviceFilter filter) {
        if (!v.isArray() || field == Field.TAGS || field == Field.LAST_INFORM) {
            return filter;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : v) {
            Optional<String> text = exactText(element);
            if (text.isEmpty()) {
                return filter; // a loose comparison may match more than the text: not narrowed
            }
            values.add(text.get());
        }
        return in(field, values, filter);
    }

    private static DeviceFilter in(Field field, List<String> values, DeviceFilter filter) {
        return switch (field) {
            // An id that does not parse is no device's: the set may end up empty, which matches none.
            case ID -> filter.withIdIn(values.stream().flatMap(v -> DeviceId.parse(v).stream()).toList());
            case OUI -> filter.withOuiIn(values);
            case PRODUCT_CLASS -> filter.withProductClassIn(values);
            case SERIAL_NUMBER -> filter.withSerialNumberIn(values);
            case MANUFACTURER -> filter.withManufacturerIn(values);
            case TAGS, LAST_INFORM -> filter;
        };
    }

    /**
     * A string that {@link MongoQuery} compares with a document's string exactly: any string but a
     * date (two dates compare as instants, so different spellings of one instant are equal).
     */
    private static Optional<String> exactText(JsonNode v) {
        return v.isTextual() && Json.parseDate(v.textValue()).isEmpty() ? Optional.of(v.textValue()) : Optional.empty();
    }

    /**
     * A bound on {@code _lastInform} (a date string; it compares with a date string, or with a
     * number as epoch milliseconds), truncated to milliseconds as the filter compares.
     */
    private static Optional<Instant> instant(JsonNode v) {
        if (v.isTextual()) {
            return Json.parseDate(v.textValue());
        }
        if (v.isNumber()) {
            BigDecimal ms = v.decimalValue().setScale(0, RoundingMode.FLOOR);
            if (ms.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) < 0) {
                return Optional.of(Instant.ofEpochMilli(ms.longValueExact()));
            }
        }
        return Optional.empty();
    }
}
