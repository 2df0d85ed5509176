package dev.cwmp.session;

import dev.cwmp.protocol.rpc.DeviceIdStruct;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The identity of a CPE as an ACS names it: OUI, product class and serial number, from the Inform's
 * {@code DeviceId}, printed as GenieACS does ({@code OUI-ProductClass-SerialNumber}, each part with
 * every character other than {@code A-Z a-z 0-9 _} percent-escaped as UTF-8, so a {@code -} inside
 * a part becomes {@code %2D}). A device without a product class prints as {@code OUI-SerialNumber}.
 *
 * <p>Example: OUI {@code E48D8C}, product class {@code RB951Ui-2HnD}, serial {@code 4AC7046131E4}
 * is {@code E48D8C-RB951Ui%2D2HnD-4AC7046131E4}.
 *
 * @param oui the manufacturer's OUI (six hex digits in practice; not checked, devices vary)
 * @param productClass the product class, empty when the device sent none
 * @param serialNumber the serial number, never empty
 */
public record DeviceId(String oui, String productClass, String serialNumber) {

    private static final int MAX_PART_LENGTH = 256;

    public DeviceId {
        Objects.requireNonNull(oui, "oui");
        Objects.requireNonNull(productClass, "productClass");
        Objects.requireNonNull(serialNumber, "serialNumber");
        if (oui.isEmpty()) {
            throw new IllegalArgumentException("a device id needs an OUI");
        }
        if (serialNumber.isEmpty()) {
            throw new IllegalArgumentException("a device id needs a serial number");
        }
        if (oui.length() > MAX_PART_LENGTH || productClass.length() > MAX_PART_LENGTH
                || serialNumber.length() > MAX_PART_LENGTH) {
            throw new IllegalArgumentException("a device id part is longer than " + MAX_PART_LENGTH);
        }
    }

    /**
     * The id of the device an Inform's {@code DeviceId} structure names (OUI, product class, serial
     * number; the manufacturer is not part of it).
     *
     * @throws IllegalArgumentException when a field is not usable in an id
     */
    public static DeviceId of(DeviceIdStruct struct) {
        return new DeviceId(struct.oui(), struct.productClass(), struct.serialNumber());
    }

    /** The id as GenieACS prints it, e.g. {@code E48D8C-RB951Ui%2D2HnD-4AC7046131E4}. */
    @Override
    public String toString() {
        return productClass.isEmpty()
                ? escape(oui) + "-" + escape(serialNumber)
                : escape(oui) + "-" + escape(productClass) + "-" + escape(serialNumber);
    }

    /**
     * Parses an id printed by {@link #toString()}: two parts ({@code OUI-Serial}) or three.
     *
     * @return the id, or empty when the text is not a well-formed device id
     */
    public static Optional<DeviceId> parse(String text) {
        String[] parts = text.split("-", -1);
        try {
            if (parts.length == 3) {
                return Optional.of(new DeviceId(unescape(parts[0]), unescape(parts[1]), unescape(parts[2])));
            }
            if (parts.length == 2) {
                return Optional.of(new DeviceId(unescape(parts[0]), "", unescape(parts[1])));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String escape(String part) {
        StringBuilder sb = null;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            if (plain) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(part.length() + 8).append(part, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < part.length() ? i + 2 : i + 1;
            for (byte b : part.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            i = end - 1;
        }
        return sb == null ? part : sb.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static String unescape(String part) {
        if (part.indexOf('%') < 0) {
            return part;
        }
        byte[] out = new byte[part.length()];
        int n = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length()) {
                    throw new IllegalArgumentException("truncated escape");
                }
                out[n++] = (byte) Integer.parseInt(part.substring(i + 1, i + 3), 16);
                i += 2;
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
                out[n++] = (byte) c;
            } else {
                throw new IllegalArgumentException("character must be escaped: " + c);
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
