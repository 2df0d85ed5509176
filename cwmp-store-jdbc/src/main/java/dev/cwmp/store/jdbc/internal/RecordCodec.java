package dev.cwmp.store.jdbc.internal;

import dev.cwmp.session.DeviceEvent;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.store.jdbc.JdbcStoreException;
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

    private RecordCodec() {
    }

    public static byte[] encode(DeviceRecord r) {
        ByteSink out = new ByteSink(64 + r.recentEvents().size() * 10);
        out.writeByte(FORMAT);
        out.writeString(r.manufacturer());
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
        out.writeVarint(r.recentEvents().size());
        Map<String, Integer> codes = new HashMap<>();
        long previous = 0;
        for (DeviceEvent e : r.recentEvents()) {
            long second = e.receivedAt().getEpochSecond();
            out.writeVarlong(zigzag(second - previous));
            previous = second;
            out.writeVarint(e.receivedAt().getNano());
            Integer index = codes.get(e.eventCode());
            if (index != null) {
                out.writeVarint(index + 1);
            } else {
                out.writeVarint(0);
                out.writeString(e.eventCode());
                codes.put(e.eventCode(), codes.size());
            }
            out.writeString(e.commandKey());
        }
        out.writeVarint(r.tags().size());
        for (String tag : r.tags()) {
            out.writeString(tag);
        }
        return out.toByteArray();
    }

    public static DeviceRecord decode(DeviceId id, byte[] blob) {
        try {
            ByteSource in = new ByteSource(blob, 0, blob.length);
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new JdbcStoreException("unknown device record format " + format);
            }
            String manufacturer = in.readString();
            Instant registered = readInstant(in);
            Instant lastInform = readInstant(in);
            int flags = in.readUnsignedByte();
            Optional<Instant> lastBoot = (flags & LAST_BOOT) != 0 ? Optional.of(readInstant(in)) : Optional.empty();
            Optional<Instant> lastBootstrap = (flags & LAST_BOOTSTRAP) != 0 ? Optional.of(readInstant(in))
                    : Optional.empty();
            int count = in.readCount();
            List<DeviceEvent> events = new ArrayList<>(count);
            List<String> codes = new ArrayList<>();
            long second = 0;
            for (int i = 0; i < count; i++) {
                second += unzigzag(in.readVarlong());
                int nano = in.readVarint();
                int index = in.readVarint();
                String code;
                if (index == 0) {
                    code = in.readString();
                    codes.add(code);
                } else if (index <= codes.size()) {
                    code = codes.get(index - 1);
                } else {
                    throw new ByteSource.CorruptBlobException("bad event code index " + index);
                }
                events.add(new DeviceEvent(Instant.ofEpochSecond(second, nano), code, in.readString()));
            }
            int tagCount = in.readCount();
            Set<String> tags = new LinkedHashSet<>();
            for (int i = 0; i < tagCount; i++) {
                tags.add(in.readString());
            }
            return DeviceRecord.restore(id, manufacturer, registered, lastInform, lastBoot, lastBootstrap, events,
                    tags);
        } catch (ByteSource.CorruptBlobException | RuntimeException e) {
            if (e instanceof JdbcStoreException j) {
                throw j;
            }
            throw new JdbcStoreException("corrupt device record of " + id + ": " + e.getMessage(), e);
        }
    }

    private static void writeInstant(ByteSink out, Instant t) {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant readInstant(ByteSource in) throws ByteSource.CorruptBlobException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }
}
