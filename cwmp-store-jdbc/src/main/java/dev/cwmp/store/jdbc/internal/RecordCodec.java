package dev.cwmp.store.jdbc.internal;

import dev.cwmp.session.DeviceEvent;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.store.jdbc.JdbcStoreException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A device record as a compact blob (column {@code record_bin}): a format byte, instants as seconds
 * and nanoseconds, each recent event's instant as the difference from the previous one, event codes
 * through a per-blob dictionary. A record with 64 recent events takes about 500 bytes instead of the
 * 3.4 kB of its JSON, and the embedded engine rewrites a changed row (and its undo entry) on every
 * commit, so the size is the cost of a save.
 */
public final class RecordCodec {

    private static final int FORMAT = 1;
    private static final int LAST_BOOT = 1;
    private static final int LAST_BOOTSTRAP = 1 << 1;
    private static final int MAX_ITEMS = 1_000_000;

    private RecordCodec() {
    }

    public static byte[] encode(DeviceRecord r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + r.recentEvents().size() * 10);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            writeString(out, r.manufacturer());
            writeInstant(out, r.registered());
            writeInstant(out, r.lastInform());
            int flags = (r.lastBoot().isPresent() ? LAST_BOOT : 0)
                    | (r.lastBootstrap().isPresent() ? LAST_BOOTSTRAP : 0);
            out.writeByte(flags);
            if (r.lastBoot().isPresent()) {
                writeInstant(out, r.lastBoot().get());
            }
            if (r.lastBootstrap().isPresent()) {
                writeInstant(out, r.lastBootstrap().get());
            }
            writeVarint(out, r.recentEvents().size());
            Map<String, Integer> codes = new HashMap<>();
            long previous = 0;
            for (DeviceEvent e : r.recentEvents()) {
                long second = e.receivedAt().getEpochSecond();
                writeVarlong(out, zigzag(second - previous));
                previous = second;
                writeVarint(out, e.receivedAt().getNano());
                Integer index = codes.get(e.eventCode());
                if (index != null) {
                    writeVarint(out, index + 1);
                } else {
                    writeVarint(out, 0);
                    writeString(out, e.eventCode());
                    codes.put(e.eventCode(), codes.size());
                }
                writeString(out, e.commandKey());
            }
            writeVarint(out, r.tags().size());
            for (String tag : r.tags()) {
                writeString(out, tag);
            }
        } catch (IOException e) {
            throw new JdbcStoreException("cannot encode a device record", e);
        }
        return bytes.toByteArray();
    }

    public static DeviceRecord decode(DeviceId id, byte[] blob) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new JdbcStoreException("unknown device record format " + format);
            }
            String manufacturer = readString(in);
            Instant registered = readInstant(in);
            Instant lastInform = readInstant(in);
            int flags = in.readUnsignedByte();
            Optional<Instant> lastBoot = (flags & LAST_BOOT) != 0 ? Optional.of(readInstant(in)) : Optional.empty();
            Optional<Instant> lastBootstrap = (flags & LAST_BOOTSTRAP) != 0 ? Optional.of(readInstant(in))
                    : Optional.empty();
            int count = count(in);
            List<DeviceEvent> events = new ArrayList<>(count);
            List<String> codes = new ArrayList<>();
            long second = 0;
            for (int i = 0; i < count; i++) {
                second += unzigzag(readVarlong(in));
                int nano = readVarint(in);
                int index = readVarint(in);
                String code;
                if (index == 0) {
                    code = readString(in);
                    codes.add(code);
                } else if (index <= codes.size()) {
                    code = codes.get(index - 1);
                } else {
                    throw new IOException("bad event code index " + index);
                }
                events.add(new DeviceEvent(Instant.ofEpochSecond(second, nano), code, readString(in)));
            }
            int tagCount = count(in);
            Set<String> tags = new LinkedHashSet<>();
            for (int i = 0; i < tagCount; i++) {
                tags.add(readString(in));
            }
            return DeviceRecord.restore(id, manufacturer, registered, lastInform, lastBoot, lastBootstrap, events,
                    tags);
        } catch (IOException | RuntimeException e) {
            if (e instanceof JdbcStoreException j) {
                throw j;
            }
            throw new JdbcStoreException("corrupt device record of " + id + ": " + e.getMessage(), e);
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int n = readVarint(in);
        if (n < 0 || n > MAX_ITEMS) {
            throw new IOException("bad count " + n);
        }
        return n;
    }

    private static void writeInstant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = readVarint(in);
        if (n < 0 || n > 16 * 1024 * 1024) {
            throw new IOException("bad string length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static void writeVarint(DataOutputStream out, int v) throws IOException {
        writeVarlong(out, v & 0xFFFFFFFFL);
    }

    private static int readVarint(DataInputStream in) throws IOException {
        long v = readVarlong(in);
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw new IOException("varint out of range");
        }
        return (int) v;
    }

    private static void writeVarlong(DataOutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    private static long readVarlong(DataInputStream in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("varint too long");
    }
}
