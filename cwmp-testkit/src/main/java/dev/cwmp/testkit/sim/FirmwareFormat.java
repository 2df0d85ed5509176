package dev.cwmp.testkit.sim;

/** What a device expects behind the URL of a Download with FileType {@code 1 Firmware Upgrade Image}. */
public enum FirmwareFormat {
    /**
     * The image itself; the new SoftwareVersion is the version in its file name (TargetFileName, else the
     * URL's last segment), e.g. {@code firmware-2.4.1.bin} gives {@code 2.4.1}.
     */
    VERSION_IN_FILE_NAME,
    /**
     * MikroTik RouterOS: an XML file whose {@code <url>} elements list the .npk packages to install
     * ({@code routeros-<arch>-<version>.npk}, {@code tr069-client-...}); the device fetches each one and
     * the new SoftwareVersion is the routeros package's version. Without the tr069-client package the
     * device stops talking to the ACS after the upgrade, as RouterOS does.
     */
    ROUTEROS_PACKAGE_LIST
}
