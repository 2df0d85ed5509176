package dev.cwmp.server.internal;

import dev.cwmp.provisioning.Preset;
import dev.cwmp.provisioning.PresetJson;
import dev.cwmp.provisioning.PresetStore;
import dev.cwmp.provisioning.files.FileInfo;
import dev.cwmp.provisioning.files.FileServer;
import dev.cwmp.provisioning.files.FileStore;
import dev.cwmp.provisioning.zerotouch.ZeroTouch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the server loads of the zero-touch MikroTik story: its presets, its files, the demo's firmware. */
public final class ZeroTouchSetup {

    private static final Logger LOG = LoggerFactory.getLogger("zero-touch");
    /** The FileType of a firmware image. */
    public static final String FIRMWARE = "1 Firmware Upgrade Image";
    /** The architecture of the RB951Ui-2HnD. */
    public static final String ARCHITECTURE = "mipsbe";

    private ZeroTouchSetup() {
    }

    /**
     * At the first start of a data directory: the story's presets (URLs on {@code fileServer}) and
     * its access-point bridge script; remembered in the data directory, so never again.
     */
    public static void seed(DataDirectory data, PresetStore presets, FileStore files, URI fileServer, Instant now) {
        if (data.seeded()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (Preset preset : ZeroTouch.presets(fileServer)) {
            if (presets.get(preset.name()).isEmpty()) {
                presets.put(preset);
                names.add(preset.name());
            }
        }
        putIfAbsent(files, ZeroTouch.AP_BRIDGE_FILE, ZeroTouch.AP_BRIDGE_SCRIPT,
                FileInfo.ofType("3 Vendor Configuration File"));
        String what = "zero-touch MikroTik presets " + names + " and file " + ZeroTouch.AP_BRIDGE_FILE
                + " (provisions 'upgrade' and 'wifi' are built in)";
        data.logLoaded(now, "loaded " + what);
        data.markSeeded(now, what);
        LOG.info("loaded the {} zero-touch MikroTik presets (first start of this data directory)", names.size());
    }

    /**
     * The zero-touch presets in the store that still name another file server than {@code fileServer}
     * (their URLs date from the data directory's first start: the address, the port or {@code --fs-tls}
     * changed since), each with a warning in the log; the operator changes them over the NBI.
     */
    public static List<String> presetsNamingAnotherFileServer(PresetStore presets, URI fileServer) {
        List<String> stale = new ArrayList<>();
        for (Preset expected : ZeroTouch.presets(fileServer)) {
            if (!PresetJson.write(expected).contains(fileServer.toString())) {
                continue; // names no file
            }
            presets.get(expected.name()).filter(stored -> !PresetJson.write(stored).contains(fileServer.toString()))
                    .ifPresent(stored -> stale.add(stored.name()));
        }
        if (!stale.isEmpty()) {
            LOG.warn("the zero-touch presets {} name another file server than {} (the one of this data directory's"
                    + " first start): CPEs will not find their files there; change them over the NBI"
                    + " (PUT /presets/<name>)", stale, fileServer);
        }
        return stale;
    }

    /**
     * For {@code --demo}: the RouterOS {@value ZeroTouch#TARGET_VERSION} package list the upgrade
     * preset downloads and the (fake) .npk packages it names, unless they are there already; the list
     * is written again when it names another file server (its URL changed, or {@code --fs-tls} came on).
     */
    public static void demoFirmware(DataDirectory data, FileStore files, FileServer server, Instant now) {
        List<URI> packages = new ArrayList<>();
        boolean added = false;
        for (String npk : ZeroTouch.routerOsPackages(ZeroTouch.TARGET_VERSION, ARCHITECTURE)) {
            added |= putIfAbsent(files, npk, "fake RouterOS package " + npk + " for the demo\n",
                    new FileInfo(FIRMWARE, "E48D8C", "", ZeroTouch.TARGET_VERSION));
            packages.add(server.urlOf(npk));
        }
        String list = ZeroTouch.routerOsPackageList(packages);
        if (!content(files, ZeroTouch.UPGRADE_LIST).equals(java.util.Optional.of(list))) {
            put(files, ZeroTouch.UPGRADE_LIST, list,
                    new FileInfo(FIRMWARE, "E48D8C", "RB951Ui-2HnD", ZeroTouch.TARGET_VERSION));
            added = true;
        }
        if (added) {
            data.logLoaded(now, "loaded the demo firmware: " + ZeroTouch.UPGRADE_LIST + " and its packages");
            LOG.info("demo firmware in the file store: {} naming {}", ZeroTouch.UPGRADE_LIST, packages);
        }
    }

    private static java.util.Optional<String> content(FileStore files, String name) {
        try {
            java.util.Optional<java.io.InputStream> in = files.open(name);
            if (in.isEmpty()) {
                return java.util.Optional.empty();
            }
            try (java.io.InputStream content = in.get()) {
                return java.util.Optional.of(new String(content.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static boolean putIfAbsent(FileStore files, String name, String content, FileInfo info) {
        if (files.metadata(name).isPresent()) {
            return false;
        }
        put(files, name, content, info);
        return true;
    }

    private static void put(FileStore files, String name, String content, FileInfo info) {
        try {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            files.put(name, info, new ByteArrayInputStream(bytes), bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + name, e);
        }
    }
}
