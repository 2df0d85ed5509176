package dev.cwmp.datamodel.dump;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.cwmp.datamodel.DataModelException;
import dev.cwmp.datamodel.InvalidPathException;
import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.datamodel.internal.CsvTokenizer;

/**
 * Reader of the device parameter dumps of the genieacs-sim CPE simulator. Two column layouts exist:
 *
 * <ul>
 *   <li>{@link Layout#SHORT}: {@code Parameter,Object,Writable,Value,Value type}
 *   <li>{@link Layout#LONG}: {@code Parameter,Object,Object timestamp,Writable,Writable timestamp,
 *       Value,Value type,Value timestamp,Notification,Notification timestamp,Access list,Access list timestamp}
 * </ul>
 *
 * <p>Fields follow RFC 4180 (quotes, doubled quotes, commas and line breaks inside quotes). Object
 * rows name the object without the trailing dot ({@code Device.WiFi}); their {@link Row#path()} is
 * the partial path ({@code Device.WiFi.}). Rows under {@code DeviceID.} are the device's identity and
 * rows under {@code Events.} are GenieACS's record of the last events: both are exposed apart from
 * the data-model rows.
 */
public final class GenieacsSimCsv {

    /** Most data rows accepted in one dump. */
    public static final int MAX_ROWS = 500_000;

    private static final String IDENTITY_PREFIX = "DeviceID.";
    private static final String EVENTS_PREFIX = "Events.";

    private GenieacsSimCsv() {}

    /** The column layout of a dump. */
    public enum Layout {
        /** {@code Parameter,Object,Writable,Value,Value type}. */
        SHORT,
        /** The 12-column layout with a timestamp per attribute, notification and access list. */
        LONG
    }

    /**
     * One data-model row.
     *
     * @param path the parameter path; partial (ending in {@code .}) for objects
     * @param object whether the row is an object
     * @param writable writability as the device reported it
     * @param value the value as the device reported it ("" for objects)
     * @param valueType the xsd type name, e.g. {@code xsd:unsignedInt}, if given
     * @param notification the notification attribute (0 off, 1 passive, 2 active, ...), if given
     * @param accessList the access list (e.g. {@code Subscriber}), if given
     * @param objectTimestamp when object-ness was read (long layout)
     * @param writableTimestamp when writability was read (long layout)
     * @param valueTimestamp when the value was read (long layout)
     * @param notificationTimestamp when the notification attribute was read (long layout)
     * @param accessListTimestamp when the access list was read (long layout)
     */
    public record Row(
            ParameterPath path,
            boolean object,
            boolean writable,
            String value,
            Optional<String> valueType,
            OptionalInt notification,
            Optional<List<String>> accessList,
            Optional<Instant> objectTimestamp,
            Optional<Instant> writableTimestamp,
            Optional<Instant> valueTimestamp,
            Optional<Instant> notificationTimestamp,
            Optional<Instant> accessListTimestamp) {

        public Row {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(valueType, "valueType");
            Objects.requireNonNull(notification, "notification");
            accessList = accessList.map(List::copyOf);
            Objects.requireNonNull(objectTimestamp, "objectTimestamp");
            Objects.requireNonNull(writableTimestamp, "writableTimestamp");
            Objects.requireNonNull(valueTimestamp, "valueTimestamp");
            Objects.requireNonNull(notificationTimestamp, "notificationTimestamp");
            Objects.requireNonNull(accessListTimestamp, "accessListTimestamp");
        }
    }

    /**
     * A whole dump.
     *
     * @param layout the column layout found in the header
     * @param identity the {@code DeviceID.*} rows by their name without the prefix
     *     ({@code Manufacturer}, {@code OUI}, {@code ProductClass}, {@code SerialNumber}, {@code ID}), in file order
     * @param events the {@code Events.*} rows by event name ({@code 0_BOOTSTRAP}) with their value (a dateTime), in file order
     * @param rows the data-model rows in file order
     */
    public record Dump(Layout layout, Map<String, String> identity, Map<String, String> events, List<Row> rows) {
        public Dump {
            Objects.requireNonNull(layout, "layout");
            identity = Collections.unmodifiableMap(new LinkedHashMap<>(identity));
            events = Collections.unmodifiableMap(new LinkedHashMap<>(events));
            rows = List.copyOf(rows);
        }

        /** Rows in the file, header excluded: data-model rows plus identity and event rows. */
        public int rowCount() {
            return rows.size() + identity.size() + events.size();
        }

        /**
         * The device's parameter tree as the dump describes it. Timestamps absent from the dump (the
         * short layout has none) are taken as {@code readAtWhenAbsent}.
         */
        public ParameterTree toParameterTree(Instant readAtWhenAbsent) {
            Objects.requireNonNull(readAtWhenAbsent, "readAtWhenAbsent");
            ParameterTree tree = new ParameterTree();
            for (Row row : rows) {
                Optional<Instant> namesAt = row.writableTimestamp().or(row::objectTimestamp).or(() -> Optional.of(readAtWhenAbsent));
                boolean hasValue = !row.object();
                tree.put(new ParameterTree.Entry(row.path(), row.object(), Optional.of(row.writable()),
                        hasValue ? Optional.of(row.value()) : Optional.empty(), row.valueType(), row.notification(),
                        row.accessList(), namesAt,
                        hasValue ? row.valueTimestamp().or(() -> Optional.of(readAtWhenAbsent)) : Optional.empty(),
                        row.notification().isPresent() || row.accessList().isPresent()
                                ? row.notificationTimestamp().or(row::accessListTimestamp).or(() -> Optional.of(readAtWhenAbsent))
                                : Optional.empty(),
                        Set.of()));
            }
            tree.trimToSize();
            return tree;
        }

        /** The root object's name of the data-model rows ({@code Device} or {@code InternetGatewayDevice}), if any. */
        public Optional<String> rootName() {
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0).path().rootName());
        }
    }

    /** Reads a dump file (UTF-8). */
    public static Dump read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    /** Reads a dump held in a string. */
    public static Dump parse(String csv) {
        try {
            return read(new StringReader(csv));
        } catch (IOException e) {
            throw new IllegalStateException("a StringReader does not fail", e);
        }
    }

    /**
     * Reads a dump from {@code reader} (not closed).
     *
     * @throws DataModelException when the header is not one of the two layouts, a row has the wrong
     *     number of fields, a path, boolean, number or timestamp is malformed (the message gives the line)
     */
    public static Dump read(Reader reader) throws IOException {
        CsvTokenizer csv = new CsvTokenizer(reader instanceof BufferedReader || reader instanceof StringReader
                ? reader : new BufferedReader(reader));
        List<String> header = csv.next().orElseThrow(() -> new DataModelException("empty dump: no header"));
        Layout layout = layoutOf(header);
        int columns = layout == Layout.SHORT ? 5 : 12;
        Map<String, String> identity = new LinkedHashMap<>();
        Map<String, String> events = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        Optional<List<String>> record;
        while ((record = csv.next()).isPresent()) {
            List<String> f = record.get();
            int line = csv.recordLine();
            if (f.size() != columns) {
                throw new DataModelException("dump line " + line + ": " + f.size() + " fields, expected " + columns);
            }
            if (rows.size() + identity.size() + events.size() >= MAX_ROWS) {
                throw new DataModelException("dump longer than " + MAX_ROWS + " rows");
            }
            String name = f.get(0);
            String value = layout == Layout.SHORT ? f.get(3) : f.get(5);
            if (name.startsWith(IDENTITY_PREFIX)) {
                identity.put(name.substring(IDENTITY_PREFIX.length()), value);
            } else if (name.startsWith(EVENTS_PREFIX)) {
                events.put(name.substring(EVENTS_PREFIX.length()), value);
            } else {
                rows.add(layout == Layout.SHORT ? shortRow(f, line) : longRow(f, line));
            }
        }
        return new Dump(layout, identity, events, rows);
    }

    private static Layout layoutOf(List<String> header) {
        if (header.equals(List.of("Parameter", "Object", "Writable", "Value", "Value type"))) {
            return Layout.SHORT;
        }
        if (header.equals(List.of("Parameter", "Object", "Object timestamp", "Writable", "Writable timestamp",
                "Value", "Value type", "Value timestamp", "Notification", "Notification timestamp", "Access list",
                "Access list timestamp"))) {
            return Layout.LONG;
        }
        throw new DataModelException("dump line 1: not a genieacs-sim header: " + String.join(",", header));
    }

    private static Row shortRow(List<String> f, int line) {
        boolean object = bool(f.get(1), "Object", line);
        return new Row(path(f.get(0), object, line), object, bool(f.get(2), "Writable", line),
                object ? "" : f.get(3), optional(f.get(4)), OptionalInt.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Row longRow(List<String> f, int line) {
        boolean object = bool(f.get(1), "Object", line);
        OptionalInt notification = OptionalInt.empty();
        if (!f.get(8).isEmpty()) {
            try {
                notification = OptionalInt.of(Integer.parseInt(f.get(8)));
            } catch (NumberFormatException e) {
                throw new DataModelException("dump line " + line + ": Notification is not a number: " + f.get(8));
            }
        }
        Optional<List<String>> access = f.get(10).isEmpty() && f.get(11).isEmpty()
                ? Optional.empty()
                : Optional.of(f.get(10).isEmpty() ? List.of() : List.of(f.get(10).split(",", -1)));
        return new Row(path(f.get(0), object, line), object, bool(f.get(3), "Writable", line),
                object ? "" : f.get(5), optional(f.get(6)), notification, access,
                time(f.get(2), "Object timestamp", line), time(f.get(4), "Writable timestamp", line),
                time(f.get(7), "Value timestamp", line), time(f.get(9), "Notification timestamp", line),
                time(f.get(11), "Access list timestamp", line));
    }

    private static ParameterPath path(String name, boolean object, int line) {
        try {
            return ParameterPath.parse(object && !name.endsWith(".") ? name + "." : name);
        } catch (InvalidPathException e) {
            throw new DataModelException("dump line " + line + ": " + e.getMessage(), e);
        }
    }

    private static boolean bool(String text, String column, int line) {
        if (text.equals("true")) {
            return true;
        }
        if (text.equals("false")) {
            return false;
        }
        throw new DataModelException("dump line " + line + ": " + column + " is not true/false: " + text);
    }

    private static Optional<String> optional(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static Optional<Instant> time(String text, String column, int line) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new DataModelException("dump line " + line + ": " + column + " is not an ISO instant: " + text);
        }
    }
}
