package dev.cwmp.provisioning.files;

import java.util.Objects;

/**
 * What a file is for, as the uploader describes it (GenieACS's file metadata): the TR-069 file type
 * ({@code "1 Firmware Upgrade Image"}, {@code "3 Vendor Configuration File"}, ...), and the OUI,
 * product class and version of the devices it is meant for. An empty string means "not given".
 */
public record FileInfo(String fileType, String oui, String productClass, String version) {

    /** Checks that no field is null. */
    public FileInfo {
        Objects.requireNonNull(fileType, "fileType");
        Objects.requireNonNull(oui, "oui");
        Objects.requireNonNull(productClass, "productClass");
        Objects.requireNonNull(version, "version");
    }

    /** No metadata at all. */
    public static FileInfo none() {
        return new FileInfo("", "", "", "");
    }

    /** A file of this type, for any device. */
    public static FileInfo ofType(String fileType) {
        return new FileInfo(fileType, "", "", "");
    }
}
