package dev.cwmp.provisioning.zerotouch;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.provisioning.Provision;
import dev.cwmp.provisioning.ProvisionContext;
import dev.cwmp.provisioning.ProvisioningException;
import dev.cwmp.provisioning.Timestamps;
import dev.cwmp.provisioning.Values;
import java.util.List;
import java.util.Optional;

/**
 * The {@code upgrade} provision: {@code upgrade(minimumVersion, url[, fileSize])}. Reads
 * {@code Device.DeviceInfo.SoftwareVersion} (the Inform's value, fresh in every session); when it is
 * older than {@code minimumVersion} (compared number by number: {@code 6.40.5 < 6.49.7 < 6.100}) it
 * asks the device to download {@code url} as a {@code 1 Firmware Upgrade Image}, and the
 * TransferComplete moves the story on ({@code 19 UPGRADED}); {@code fileSize}, when given (the
 * length in bytes of the package list, known where the list is built:
 * {@link ZeroTouch#routerOsPackageList}), is sent as the Download's FileSize, else 0 (unknown). When
 * the device already runs that version or a newer one no TransferComplete will come, so the
 * provision moves the tags on itself:
 * {@code UPGRADING} off, {@code UPGRADED} on.
 */
public final class UpgradeProvision implements Provision {

    /** The parameter read. */
    public static final String SOFTWARE_VERSION = "Device.DeviceInfo.SoftwareVersion";

    @Override
    public void run(ProvisionContext context, List<Object> args) {
        if (args.size() < 2 || !(args.get(0) instanceof String minimum) || !(args.get(1) instanceof String url)) {
            throw new ProvisioningException("upgrade(minimumVersion, url[, fileSize]) needs two strings, got " + args);
        }
        long fileSize = 0;
        if (args.size() > 2) {
            if (!(args.get(2) instanceof Number n) || n.doubleValue() < 0
                    || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new ProvisioningException("upgrade: fileSize is a whole number of bytes, not negative, got "
                        + args.get(2));
            }
            fileSize = n.longValue();
        }
        List<ParameterTree.Entry> entries = context.declare(SOFTWARE_VERSION, Timestamps.value(context.now()),
                Values.none());
        context.commit();
        Optional<String> current = entries.isEmpty() ? Optional.empty() : entries.get(0).value();
        if (current.isEmpty()) {
            context.log("no " + SOFTWARE_VERSION + ": firmware left as it is");
            return;
        }
        if (compareVersions(current.get(), minimum) < 0) {
            context.download("1 Firmware Upgrade Image", url, "", fileSize);
        } else {
            context.tag("UPGRADING", false);
            context.tag("UPGRADED", true);
        }
    }

    /**
     * Compares two firmware versions number by number ({@code 6.9 < 6.10}); text between the numbers
     * is ignored, a missing number counts as 0.
     */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("\\D+");
        String[] y = b.split("\\D+");
        int n = Math.max(x.length, y.length);
        for (int i = 0; i < n; i++) {
            int c = compareNumbers(i < x.length ? x[i] : "0", i < y.length ? y[i] : "0");
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareNumbers(String a, String b) {
        String p = strip(a);
        String q = strip(b);
        if (p.length() != q.length()) {
            return Integer.compare(p.length(), q.length());
        }
        return p.compareTo(q);
    }

    private static String strip(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.isEmpty() ? "0" : digits.substring(i);
    }
}
