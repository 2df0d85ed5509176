package dev.cwmp.datamodel.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.cwmp.datamodel.DataModelException;

/**
 * Splits RFC 4180 CSV into records: comma-separated fields, fields in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""}); records end with LF or CRLF. Bounded: a field longer
 * than {@link #MAX_FIELD_LENGTH} characters or a record with more than {@link #MAX_FIELDS} fields is
 * an error. Fields are returned unquoted: {@code ""} and an empty unquoted field both read as "".
 */
public final class CsvTokenizer {

    /** Longest accepted field (TR-069 values are at most a few tens of kilobytes). */
    public static final int MAX_FIELD_LENGTH = 1 << 20;
    /** Most fields in one record. */
    public static final int MAX_FIELDS = 64;

    private final Reader in;
    private int line = 1;
    private int recordLine = 1;
    private int pushedBack = -2;

    public CsvTokenizer(Reader in) {
        this.in = in;
    }

    /** The 1-based line on which the last record returned by {@link #next()} started. */
    public int recordLine() {
        return recordLine;
    }

    /** The next record, or empty at the end of input. Blank lines are skipped. */
    public Optional<List<String>> next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return Optional.empty();
            }
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            unread(c);
            recordLine = line;
            return Optional.of(readRecord());
        }
    }

    private List<String> readRecord() throws IOException {
        List<String> fields = new ArrayList<>(12);
        StringBuilder sb = new StringBuilder(32);
        while (true) {
            int c = read();
            sb.setLength(0);
            if (c == '"') {
                while (true) {
                    c = read();
                    if (c == -1) {
                        throw new DataModelException("CSV line " + recordLine + ": quoted field never closed");
                    }
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            append(sb, '"');
                            continue;
                        }
                        c = d;
                        break;
                    }
                    if (c == '\n') {
                        line++;
                    }
                    append(sb, (char) c);
                }
                if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    throw new DataModelException("CSV line " + line + ": unexpected character after a closing quote");
                }
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    if (c == '"') {
                        throw new DataModelException("CSV line " + line + ": quote inside an unquoted field");
                    }
                    append(sb, (char) c);
                    c = read();
                }
            }
            if (fields.size() == MAX_FIELDS) {
                throw new DataModelException("CSV line " + recordLine + ": more than " + MAX_FIELDS + " fields");
            }
            fields.add(sb.toString());
            if (c == ',') {
                continue;
            }
            if (c == '\r') {
                int d = read();
                if (d != '\n') {
                    unread(d);
                }
            }
            if (c == '\n' || c == '\r') {
                line++;
            }
            return fields;
        }
    }

    private void append(StringBuilder sb, char c) {
        if (sb.length() >= MAX_FIELD_LENGTH) {
            throw new DataModelException("CSV line " + recordLine + ": field longer than " + MAX_FIELD_LENGTH + " characters");
        }
        sb.append(c);
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
