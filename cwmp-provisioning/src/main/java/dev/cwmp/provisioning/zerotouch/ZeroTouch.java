package dev.cwmp.provisioning.zerotouch;

import dev.cwmp.provisioning.Preset;
import dev.cwmp.provisioning.PresetJson;
import dev.cwmp.provisioning.Provision;
import dev.cwmp.provisioning.ProvisioningDriver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The zero-touch story of a MikroTik router, ready to run: a customer resets the router, it boots
 * blank and informs with {@code 0 BOOTSTRAP}, and the ACS puts everything back, firmware first,
 * with nobody doing anything.
 *
 * <p>The presets ({@link #presetsJson()}, GenieACS 1.2 preset JSON) move the device through tags:
 * <ol>
 *   <li>{@code 00 NEW DEVICE}, on {@code 0 BOOTSTRAP}: tag {@code PENDING} (and drop the tags of an
 *       earlier round: a reset device starts over).</li>
 *   <li>{@code 10 UPGRADING}, when {@code PENDING} (channel {@code upgrade}): tag {@code UPGRADING},
 *       untag {@code PENDING}, and run the {@code upgrade} provision ({@link UpgradeProvision}):
 *       when {@code Device.DeviceInfo.SoftwareVersion} is older than the version given, a Download
 *       ({@code 1 Firmware Upgrade Image}) of a RouterOS package list, an XML file naming the .npk
 *       packages to install, the TR-069 client among them ({@link #routerOsPackageList}); when it is
 *       not older, the provision itself moves the tags on to {@code UPGRADED}.</li>
 *   <li>{@code 19 UPGRADED}, on {@code 7 TRANSFER COMPLETE} with {@code M Download} (channel
 *       {@code upgrade}, so a failed download's fault holds it back): untag {@code UPGRADING}, tag
 *       {@code UPGRADED}. A Download that fails (or times out) undoes the tags of the session that
 *       sent it: the device is tagged {@code PENDING} again, and after the channel's back-off
 *       {@code 10 UPGRADING} sends the Download again.</li>
 *   <li>{@code 20 PROVISIONING}, when upgraded and not provisioned: the sub-tags {@code INIT},
 *       {@code WIFI} and {@code OTHER}.</li>
 *   <li>{@code 21 PROVISIONING - WIFI} (channel {@code wifi}): the {@code wifi} provision
 *       ({@link WifiProvision}): SSID {@code test_} and the last five hex digits of the MAC, and the
 *       wireless interface in access-point bridge mode (a RouterOS {@code .alter} script,
 *       {@link #AP_BRIDGE_SCRIPT}, sent as a {@code 3 Vendor Configuration File}); untag {@code WIFI}.</li>
 *   <li>{@code 28 PROVISIONING - OTHER}: the periodic inform interval (300 s) and the DNS server;
 *       untag {@code OTHER}.</li>
 *   <li>{@code 29 PROVISIONED}, once {@code WIFI} and {@code OTHER} are gone: tag
 *       {@code PROVISIONED}, drop {@code INIT} and {@code UPGRADED}.</li>
 * </ol>
 *
 * <p>The URLs in the presets point to a {@link dev.cwmp.provisioning.files.FileServer} at
 * {@link #DEFAULT_FILE_SERVER} (GenieACS's default file server port); {@link #presets(URI)} points
 * them to another. The file server holds {@link #UPGRADE_LIST}, the packages it names and
 * {@link #AP_BRIDGE_FILE}.
 *
 * <pre>{@code
 * ProvisioningDriver driver = ZeroTouch.register(
 *         ProvisioningDriver.builder(ZeroTouch.presets(fileServer.baseUrl()))).build();
 * }</pre>
 */
public final class ZeroTouch {

    /** Where the presets' URLs point unless {@link #presets(URI)} says otherwise. */
    public static final URI DEFAULT_FILE_SERVER = URI.create("http://127.0.0.1:7567/");
    /** The firmware version the story upgrades to. */
    public static final String TARGET_VERSION = "6.49.7";
    /** The name of the RouterOS package list on the file server. */
    public static final String UPGRADE_LIST = "routeros-" + TARGET_VERSION + "-upgrade.xml";
    /** The name of the access-point bridge script on the file server. */
    public static final String AP_BRIDGE_FILE = "ap-bridge.alter";
    /** The RouterOS script that puts the wireless interface in access-point bridge mode. */
    public static final String AP_BRIDGE_SCRIPT =
            "/interface wireless set [ find default-name=wlan1 ] mode=ap-bridge disabled=no\n";
    /** The name of the provision that upgrades the firmware. */
    public static final String UPGRADE = "upgrade";
    /** The name of the provision that configures Wi-Fi. */
    public static final String WIFI = "wifi";

    private static final String RESOURCE = "presets.json";
    private static final Map<String, Provision> PROVISIONS = Map.of(UPGRADE, new UpgradeProvision(),
            WIFI, new WifiProvision());

    private ZeroTouch() {
    }

    /** The story's presets as GenieACS 1.2 preset JSON, URLs at {@link #DEFAULT_FILE_SERVER}. */
    public static String presetsJson() {
        try (InputStream in = ZeroTouch.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The story's presets as GenieACS 1.2 preset JSON, URLs on the file server at {@code fileServer}. */
    public static String presetsJson(URI fileServer) {
        String base = fileServer.toString();
        if (!base.endsWith("/")) {
            throw new IllegalArgumentException("the file server URL must end with '/': " + base);
        }
        return presetsJson().replace(DEFAULT_FILE_SERVER.toString(), base);
    }

    /** The story's presets, URLs at {@link #DEFAULT_FILE_SERVER}. */
    public static List<Preset> presets() {
        return PresetJson.readList(presetsJson());
    }

    /** The story's presets, URLs on the file server at {@code fileServer} (ending with {@code /}). */
    public static List<Preset> presets(URI fileServer) {
        return PresetJson.readList(presetsJson(fileServer));
    }

    /** The story's Java provisions by name: {@link #UPGRADE} and {@link #WIFI}. */
    public static Map<String, Provision> provisions() {
        return PROVISIONS;
    }

    /** Registers {@link #provisions()} on a driver builder and returns it. */
    public static ProvisioningDriver.Builder register(ProvisioningDriver.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        PROVISIONS.forEach(builder::provision);
        return builder;
    }

    /**
     * A RouterOS package list (the file a {@code 1 Firmware Upgrade Image} Download of RouterOS
     * points to): one {@code <link><url>} per package, e.g. {@code routeros-mipsbe-6.49.7.npk} and
     * {@code tr069-client-6.49.7-mipsbe.npk} (without the TR-069 client the router stops talking to
     * the ACS after the upgrade).
     */
    public static String routerOsPackageList(List<URI> packages) {
        if (packages.isEmpty()) {
            throw new IllegalArgumentException("a package list names at least one package");
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<upgrade version=\"1\" type=\"links\">\n  <config/>\n  <links>\n");
        for (URI p : packages) {
            xml.append("    <link><url>").append(escape(p.toString())).append("</url></link>\n");
        }
        return xml.append("  </links>\n</upgrade>\n").toString();
    }

    /** The .npk packages of a RouterOS upgrade for an architecture: the system package and the TR-069 client. */
    public static List<String> routerOsPackages(String version, String architecture) {
        return List.of("routeros-" + architecture + "-" + version + ".npk",
                "tr069-client-" + version + "-" + architecture + ".npk");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
