package dev.cwmp.provisioning.zerotouch;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.provisioning.Provision;
import dev.cwmp.provisioning.ProvisionContext;
import dev.cwmp.provisioning.ProvisioningException;
import dev.cwmp.provisioning.Timestamps;
import dev.cwmp.provisioning.Values;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code wifi} provision: {@code wifi(ssidPrefix[, apBridgeScriptUrl])}. Sets
 * {@code Device.WiFi.SSID.1.SSID} to the prefix and the last five hex digits of the device's MAC
 * ({@code Device.Ethernet.Interface.1.MACAddress}: {@code E4:8D:8C:61:31:E4} gives
 * {@code test_131E4}), enables the access point, and, with a script URL, has the device run the
 * RouterOS script there ({@code 3 Vendor Configuration File}, a {@code .alter} file) that puts its
 * wireless interface in access-point bridge mode, which RouterOS does not expose as a parameter.
 */
public final class WifiProvision implements Provision {

    /** Where the MAC address is read. */
    public static final String MAC = "Device.Ethernet.Interface.1.MACAddress";
    /** The SSID set. */
    public static final String SSID = "Device.WiFi.SSID.1.SSID";
    /** The access point enabled. */
    public static final String ACCESS_POINT_ENABLE = "Device.WiFi.AccessPoint.1.Enable";

    @Override
    public void run(ProvisionContext context, List<Object> args) {
        if (args.isEmpty() || !(args.get(0) instanceof String prefix)) {
            throw new ProvisioningException("wifi(ssidPrefix[, apBridgeScriptUrl]) needs a string prefix, got " + args);
        }
        Optional<String> script = args.size() > 1 && args.get(1) instanceof String url && !url.isEmpty()
                ? Optional.of(url) : Optional.empty();
        // The MAC never changes: any value the ACS holds will do (read once after a bootstrap).
        List<ParameterTree.Entry> mac = context.declare(MAC, Timestamps.value(Instant.EPOCH.plusSeconds(1)),
                Values.none());
        context.commit();
        String hex = mac.isEmpty() ? "" : mac.get(0).value().orElse("").replaceAll("[^0-9A-Fa-f]", "");
        if (hex.length() < 5) {
            throw new ProvisioningException("no MAC address in " + MAC + " to name the SSID after");
        }
        context.declare(SSID, Timestamps.none(), Values.value(prefix + hex.substring(hex.length() - 5)
                .toUpperCase(Locale.ROOT)));
        context.declare(ACCESS_POINT_ENABLE, Timestamps.none(), Values.value(true));
        // RouterOS runs a downloaded configuration file whose name ends with .alter as a script.
        script.ifPresent(url -> context.download("3 Vendor Configuration File", url, lastSegment(url)));
    }

    private static String lastSegment(String url) {
        String path = url;
        int cut = path.indexOf('?');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
