package dev.cwmp.provisioning.internal;

import dev.cwmp.provisioning.Provision;
import dev.cwmp.provisioning.ProvisioningException;
import dev.cwmp.provisioning.Timestamps;
import dev.cwmp.provisioning.Values;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** GenieACS's built-in provisions, by name, with their arguments as GenieACS takes them. */
public final class BuiltinProvisions {

    private BuiltinProvisions() {
    }

    /** {@code refresh}, {@code value}, {@code tag}, {@code reboot}, {@code reset}, {@code download}, {@code instances}. */
    public static Map<String, Provision> all() {
        return Map.of(
                "refresh", BuiltinProvisions::refresh,
                "value", BuiltinProvisions::value,
                "tag", BuiltinProvisions::tag,
                "reboot", (ctx, args) -> ctx.reboot(),
                "reset", (ctx, args) -> ctx.factoryReset(),
                "download", BuiltinProvisions::download,
                "instances", BuiltinProvisions::instances);
    }

    /** {@code refresh(path[, maxAgeSeconds])}: names and values read within the age (default: in this session). */
    private static void refresh(dev.cwmp.provisioning.ProvisionContext ctx, List<Object> args) {
        String path = text(args, 0, "refresh");
        long age = args.size() > 1 ? whole(args.get(1), "refresh age") : 0;
        Instant since = ctx.now().minusSeconds(age);
        ctx.declare(path, Timestamps.all(since), Values.none());
    }

    /** {@code value(path, value)}. */
    private static void value(dev.cwmp.provisioning.ProvisionContext ctx, List<Object> args) {
        String path = text(args, 0, "value");
        if (args.size() < 2 || args.get(1) == null) {
            throw new ProvisioningException("value needs a path and a value");
        }
        ctx.declare(path, Timestamps.none(), Values.value(args.get(1)));
    }

    /** {@code tag(name, present)}. */
    private static void tag(dev.cwmp.provisioning.ProvisionContext ctx, List<Object> args) {
        String tag = text(args, 0, "tag");
        boolean present = args.size() < 2 || !(args.get(1) instanceof Boolean b) || b;
        ctx.tag(tag, present);
    }

    /** {@code download(fileType, url[, targetFileName[, fileSize]])}. */
    private static void download(dev.cwmp.provisioning.ProvisionContext ctx, List<Object> args) {
        String fileType = text(args, 0, "download");
        String url = text(args, 1, "download");
        String target = args.size() > 2 && args.get(2) != null ? args.get(2).toString() : "";
        long size = args.size() > 3 && args.get(3) != null ? whole(args.get(3), "download file size") : 0;
        ctx.download(fileType, url, target, size);
    }

    /** {@code instances(pattern, count)}: e.g. {@code Device.NAT.PortMapping.*} and 2. */
    private static void instances(dev.cwmp.provisioning.ProvisionContext ctx, List<Object> args) {
        String pattern = text(args, 0, "instances");
        if (args.size() < 2) {
            throw new ProvisioningException("instances needs a path and a count");
        }
        ctx.declare(pattern, Timestamps.path(ctx.now()), Values.instances((int) whole(args.get(1), "instance count")));
    }

    private static String text(List<Object> args, int index, String provision) {
        if (args.size() <= index || args.get(index) == null) {
            throw new ProvisioningException(provision + " needs argument " + (index + 1));
        }
        return args.get(index).toString();
    }

    private static long whole(Object value, String what) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 0) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new ProvisioningException(what + " is not a whole number: " + s);
            }
        }
        throw new ProvisioningException(what + " is not a whole number: " + value);
    }
}
