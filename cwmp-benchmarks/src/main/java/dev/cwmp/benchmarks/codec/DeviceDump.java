package dev.cwmp.benchmarks.codec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A device parameter dump in the genieacs-sim CSV format (both the short 5-column layout and the
 * long 12-column one), read into rows. {@code DeviceID.} rows (the device's identity) are skipped;
 * objects get the trailing dot that TR-069 gives object names.
 */
final class DeviceDump {

    /** One parameter or object of the dump. */
    record Row(String name, boolean object, boolean writable, String value, String type) {}

    private DeviceDump() {}

    static List<Row> read(Path csv) throws IOException {
        List<List<String>> records = parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
        if (records.isEmpty()) {
            throw new IOException(csv + " is empty");
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).trim(), i);
        }
        for (String required : List.of("Parameter", "Object", "Writable", "Value", "Value type")) {
            if (!column.containsKey(required)) {
                throw new IOException(csv + " has no column " + required + ": " + header);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
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

    /** RFC 4180: comma-separated, double-quoted fields may hold commas, newlines and doubled quotes. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < n && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
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
