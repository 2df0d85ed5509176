package dev.cwmp.protocol.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a device parameter dump in the genieacs-sim CSV format, in either of its two layouts (short:
 * {@code Parameter,Object,Writable,Value,Value type}; long: the 12-column one with timestamps),
 * found by the header's column names. {@code DeviceID.} rows (the device's identity) are skipped;
 * objects get the trailing dot TR-069 gives object names.
 */
public final class DeviceDumpCsv {

    /** One parameter or object of a dump, as the device reported it. */
    public record Row(String name, boolean object, boolean writable, String value, String type) {}

    private DeviceDumpCsv() {}

    /** The rows of a dump file (UTF-8). */
    public static List<Row> read(Path csv) throws IOException {
        return rows(Files.readString(csv, StandardCharsets.UTF_8));
    }

    /** The rows of a dump's text. */
    public static List<Row> rows(String csvText) {
        List<List<String>> records = parse(csvText);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("empty dump");
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).strip(), i);
        }
        for (String required : List.of("Parameter", "Object", "Writable", "Value", "Value type")) {
            if (!column.containsKey(required)) {
                throw new IllegalArgumentException("no column " + required + " in " + header);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            if (record.size() != header.size()) {
                throw new IllegalArgumentException("record of " + record.size() + " fields, header has "
                        + header.size() + ": " + record);
            }
            String name = record.get(column.get("Parameter"));
            if (name.startsWith("DeviceID.")) {
                continue;
            }
            boolean object = Boolean.parseBoolean(record.get(column.get("Object")));
            if (object && !name.endsWith(".")) {
                name = name + ".";
            }
            rows.add(new Row(name, object, Boolean.parseBoolean(record.get(column.get("Writable"))),
                    record.get(column.get("Value")), record.get(column.get("Value type"))));
        }
        return rows;
    }

    /**
     * RFC 4180 records: comma-separated fields; a double-quoted field may hold commas, line breaks and
     * doubled quotes; records end with LF or CRLF.
     */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i++);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i < n && text.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i < n && text.charAt(i) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
