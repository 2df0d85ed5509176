package dev.cwmp.datamodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of daily operation, side by side in TR-181 ({@code Device.}) and TR-098
 * ({@code InternetGatewayDevice.}), so that an application or a preset can ask for "the SSID of the
 * first Wi-Fi network" and get the right path for the device's root:
 * {@code WIFI_SSID.pathFor("InternetGatewayDevice", 1)} is
 * {@code InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID}.
 *
 * <p>Each row has a template per root. {@code {i}} marks the instances the caller chooses, in order
 * (missing ones are 1); instances written as numbers are the conventional fixed ones of that root
 * (TR-098's first {@code LANDevice}, first {@code WANDevice} and {@code WANConnectionDevice}). Which
 * TR-181 IP interface is the WAN or the LAN, or which TR-098 {@code WANDevice} carries the Internet
 * connection, depends on the device: the defaults are the usual first instances, not a guarantee.
 */
public enum CommonParameter {
    MANUFACTURER("Device.DeviceInfo.Manufacturer", "InternetGatewayDevice.DeviceInfo.Manufacturer"),
    MANUFACTURER_OUI("Device.DeviceInfo.ManufacturerOUI", "InternetGatewayDevice.DeviceInfo.ManufacturerOUI"),
    PRODUCT_CLASS("Device.DeviceInfo.ProductClass", "InternetGatewayDevice.DeviceInfo.ProductClass"),
    MODEL_NAME("Device.DeviceInfo.ModelName", "InternetGatewayDevice.DeviceInfo.ModelName"),
    SERIAL_NUMBER("Device.DeviceInfo.SerialNumber", "InternetGatewayDevice.DeviceInfo.SerialNumber"),
    HARDWARE_VERSION("Device.DeviceInfo.HardwareVersion", "InternetGatewayDevice.DeviceInfo.HardwareVersion"),
    SOFTWARE_VERSION("Device.DeviceInfo.SoftwareVersion", "InternetGatewayDevice.DeviceInfo.SoftwareVersion"),
    UPTIME("Device.DeviceInfo.UpTime", "InternetGatewayDevice.DeviceInfo.UpTime"),

    ACS_URL("Device.ManagementServer.URL", "InternetGatewayDevice.ManagementServer.URL"),
    ACS_USERNAME("Device.ManagementServer.Username", "InternetGatewayDevice.ManagementServer.Username"),
    ACS_PASSWORD("Device.ManagementServer.Password", "InternetGatewayDevice.ManagementServer.Password"),
    PERIODIC_INFORM_ENABLE("Device.ManagementServer.PeriodicInformEnable",
            "InternetGatewayDevice.ManagementServer.PeriodicInformEnable"),
    PERIODIC_INFORM_INTERVAL("Device.ManagementServer.PeriodicInformInterval",
            "InternetGatewayDevice.ManagementServer.PeriodicInformInterval"),
    CONNECTION_REQUEST_URL("Device.ManagementServer.ConnectionRequestURL",
            "InternetGatewayDevice.ManagementServer.ConnectionRequestURL"),
    CONNECTION_REQUEST_USERNAME("Device.ManagementServer.ConnectionRequestUsername",
            "InternetGatewayDevice.ManagementServer.ConnectionRequestUsername"),
    CONNECTION_REQUEST_PASSWORD("Device.ManagementServer.ConnectionRequestPassword",
            "InternetGatewayDevice.ManagementServer.ConnectionRequestPassword"),

    /** The IPv4 address of the WAN IP interface (TR-098: of an IP-routed WAN connection). */
    WAN_IP_ADDRESS("Device.IP.Interface.{i}.IPv4Address.1.IPAddress",
            "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.{i}.ExternalIPAddress"),
    /** The IPv4 address of a PPP WAN connection (in TR-181 on the IP interface above the PPP interface). */
    WAN_PPP_IP_ADDRESS("Device.IP.Interface.{i}.IPv4Address.1.IPAddress",
            "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.{i}.ExternalIPAddress"),
    /** The MAC address of the WAN link (TR-181 Ethernet link, TR-098 IP connection). */
    WAN_MAC("Device.Ethernet.Link.{i}.MACAddress",
            "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.{i}.MACAddress"),
    WAN_PPP_USERNAME("Device.PPP.Interface.{i}.Username",
            "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.{i}.Username"),
    WAN_PPP_PASSWORD("Device.PPP.Interface.{i}.Password",
            "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.{i}.Password"),

    /** The IPv4 address of the LAN side (TR-181: the LAN IP interface, often the first). */
    LAN_IP_ADDRESS("Device.IP.Interface.{i}.IPv4Address.1.IPAddress",
            "InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.IPInterface.{i}.IPInterfaceIPAddress"),
    LAN_SUBNET_MASK("Device.IP.Interface.{i}.IPv4Address.1.SubnetMask",
            "InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.IPInterface.{i}.IPInterfaceSubnetMask"),
    /** The table of LAN hosts (an object: query it with a partial path). */
    LAN_HOSTS("Device.Hosts.Host.{i}.", "InternetGatewayDevice.LANDevice.1.Hosts.Host.{i}."),
    LAN_HOST_COUNT("Device.Hosts.HostNumberOfEntries", "InternetGatewayDevice.LANDevice.1.Hosts.HostNumberOfEntries"),
    LAN_HOST_MAC("Device.Hosts.Host.{i}.PhysAddress", "InternetGatewayDevice.LANDevice.1.Hosts.Host.{i}.MACAddress"),
    LAN_HOST_IP_ADDRESS("Device.Hosts.Host.{i}.IPAddress", "InternetGatewayDevice.LANDevice.1.Hosts.Host.{i}.IPAddress"),
    LAN_HOST_NAME("Device.Hosts.Host.{i}.HostName", "InternetGatewayDevice.LANDevice.1.Hosts.Host.{i}.HostName"),

    WIFI_SSID("Device.WiFi.SSID.{i}.SSID", "InternetGatewayDevice.LANDevice.1.WLANConfiguration.{i}.SSID"),
    /** Whether the Wi-Fi network (TR-181 SSID, TR-098 WLANConfiguration) is enabled. */
    WIFI_ENABLE("Device.WiFi.SSID.{i}.Enable", "InternetGatewayDevice.LANDevice.1.WLANConfiguration.{i}.Enable"),
    /** The WPA passphrase (8-63 characters). */
    WIFI_PASSPHRASE("Device.WiFi.AccessPoint.{i}.Security.KeyPassphrase",
            "InternetGatewayDevice.LANDevice.1.WLANConfiguration.{i}.KeyPassphrase"),
    /** The WPA pre-shared key (64 hex digits); TR-098 keeps it in the first PreSharedKey entry. */
    WIFI_PRESHARED_KEY("Device.WiFi.AccessPoint.{i}.Security.PreSharedKey",
            "InternetGatewayDevice.LANDevice.1.WLANConfiguration.{i}.PreSharedKey.1.PreSharedKey"),
    /** The radio channel (TR-181 per radio, TR-098 per WLANConfiguration). */
    WIFI_CHANNEL("Device.WiFi.Radio.{i}.Channel", "InternetGatewayDevice.LANDevice.1.WLANConfiguration.{i}.Channel"),
    WIFI_RADIO_ENABLE("Device.WiFi.Radio.{i}.Enable",
            "InternetGatewayDevice.LANDevice.1.WLANConfiguration.{i}.RadioEnabled"),
    WIFI_SSID_ADVERTISEMENT("Device.WiFi.AccessPoint.{i}.SSIDAdvertisementEnabled",
            "InternetGatewayDevice.LANDevice.1.WLANConfiguration.{i}.SSIDAdvertisementEnabled"),
    WIFI_ASSOCIATED_DEVICE_COUNT("Device.WiFi.AccessPoint.{i}.AssociatedDeviceNumberOfEntries",
            "InternetGatewayDevice.LANDevice.1.WLANConfiguration.{i}.TotalAssociations"),

    NTP_SERVER("Device.Time.NTPServer1", "InternetGatewayDevice.Time.NTPServer1");

    /** The TR-181 root object name. */
    public static final String TR181_ROOT = "Device";
    /** The TR-098 root object name. */
    public static final String TR098_ROOT = "InternetGatewayDevice";

    private static final String PLACEHOLDER = "{i}";

    private final String tr181;
    private final String tr098;

    CommonParameter(String tr181, String tr098) {
        this.tr181 = tr181;
        this.tr098 = tr098;
    }

    /** The template for a root ({@code Device} or {@code InternetGatewayDevice}), with {@code {i}} for chosen instances. */
    public String template(String rootName) {
        switch (Objects.requireNonNull(rootName, "rootName")) {
            case TR181_ROOT:
                return tr181;
            case TR098_ROOT:
                return tr098;
            default:
                throw new IllegalArgumentException("no common parameters for root " + rootName
                        + " (Device or InternetGatewayDevice)");
        }
    }

    /** The TR-181 template. */
    public String tr181Template() {
        return tr181;
    }

    /** The TR-098 template. */
    public String tr098Template() {
        return tr098;
    }

    /** The definition path in a root's model: every instance, fixed or chosen, as {@code {i}}. */
    public String definitionPath(String rootName) {
        return ParameterPath.parse(template(rootName).replace(PLACEHOLDER, "1")).definitionPath();
    }

    /** How many instances a caller chooses for this root (the number of {@code {i}}). */
    public int instanceCount(String rootName) {
        String t = template(rootName);
        int n = 0;
        for (int i = t.indexOf(PLACEHOLDER); i >= 0; i = t.indexOf(PLACEHOLDER, i + 1)) {
            n++;
        }
        return n;
    }

    /** Whether this row is an object (a table) rather than a parameter. */
    public boolean isObject() {
        return tr181.endsWith(".");
    }

    /**
     * The concrete path for a root: {@code instances} fill the {@code {i}} in order, missing ones are 1.
     *
     * @throws IllegalArgumentException for an unknown root or more instances than the template has
     */
    public ParameterPath pathFor(String rootName, long... instances) {
        String t = template(rootName);
        if (instances.length > instanceCount(rootName)) {
            throw new IllegalArgumentException(name() + " takes at most " + instanceCount(rootName)
                    + " instance(s) for " + rootName + ", got " + instances.length);
        }
        StringBuilder sb = new StringBuilder(t.length() + 8);
        int from = 0;
        int k = 0;
        for (int i = t.indexOf(PLACEHOLDER); i >= 0; i = t.indexOf(PLACEHOLDER, from)) {
            long n = k < instances.length ? instances[k] : 1;
            if (n < 1) {
                throw new IllegalArgumentException("instance numbers start at 1: " + n);
            }
            sb.append(t, from, i).append(n);
            k++;
            from = i + PLACEHOLDER.length();
        }
        sb.append(t, from, t.length());
        return ParameterPath.parse(sb.toString());
    }

    /** {@link #pathFor(String, long...)} for the root of a model. */
    public ParameterPath pathFor(DataModel model, long... instances) {
        return pathFor(model.rootName(), instances);
    }

    /** A pattern with {@code *} for every chosen instance: all SSIDs are {@code Device.WiFi.SSID.*.SSID}. */
    public ParameterPath patternFor(String rootName) {
        return ParameterPath.parse(template(rootName).replace(PLACEHOLDER, "*"));
    }

    /**
     * The chosen instances of {@code path} if it is this row's path in its root (fixed instances must
     * match): {@code [3]} for {@code InternetGatewayDevice.LANDevice.1.WLANConfiguration.3.SSID} and
     * {@link #WIFI_SSID}.
     */
    public Optional<List<Long>> instancesOf(ParameterPath path) {
        String root = path.rootName();
        if (!path.isConcrete() || !root.equals(TR181_ROOT) && !root.equals(TR098_ROOT)) {
            return Optional.empty();
        }
        ParameterPath pattern = ParameterPath.parse(template(root).replace(PLACEHOLDER, "*"));
        if (!pattern.matches(path)) {
            return Optional.empty();
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < pattern.segmentCount(); i++) {
            if (pattern.segment(i) instanceof ParameterPath.Wildcard) {
                out.add(((ParameterPath.Instance) path.segment(i)).number());
            }
        }
        return Optional.of(List.copyOf(out));
    }

    /** The rows {@code path} is an instance of (several when rows share a path, e.g. WAN and LAN IP in TR-181). */
    public static List<CommonParameter> rowsOf(ParameterPath path) {
        List<CommonParameter> out = new ArrayList<>(2);
        for (CommonParameter row : values()) {
            if (row.instancesOf(path).isPresent()) {
                out.add(row);
            }
        }
        return out;
    }

    /**
     * The same parameter under the other root, where a row covers it: TR-098
     * {@code InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.SSID} is TR-181
     * {@code Device.WiFi.SSID.2.SSID}. Empty when no row covers the path, or when the rows that do
     * disagree (TR-181's {@code Device.IP.Interface.1.IPv4Address.1.IPAddress} may be the WAN or the LAN).
     */
    public static Optional<ParameterPath> translate(ParameterPath path, String targetRoot) {
        Objects.requireNonNull(targetRoot, "targetRoot");
        if (path.rootName().equals(targetRoot)) {
            return Optional.of(path);
        }
        ParameterPath result = null;
        for (CommonParameter row : values()) {
            Optional<List<Long>> instances = row.instancesOf(path);
            if (instances.isEmpty()) {
                continue;
            }
            long[] n = instances.get().stream().mapToLong(Long::longValue).toArray();
            if (n.length > row.instanceCount(targetRoot)) {
                continue;
            }
            ParameterPath candidate = row.pathFor(targetRoot, n);
            if (result != null && !result.equals(candidate)) {
                return Optional.empty();
            }
            result = candidate;
        }
        return Optional.ofNullable(result);
    }
}
