package dev.cwmp.scripting.internal;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.provisioning.Values;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.javascript.ScriptRuntime;

/**
 * GenieACS's paths that are not parameters of the device, turned into the provision context's
 * calls: {@code Tags.<name>} (a boolean value adds or removes the tag), {@code Reboot} and
 * {@code FactoryReset} (a value asks for it), and
 * {@code Downloads.[FileType:<type>].FileName|URL|TargetFileName|Download} (a {@code Download} value
 * sends the file named by {@code FileName} or {@code URL} in the same run). As in GenieACS, a
 * {@code FileName} names a file of the file server and becomes its URL there; {@code URL} (our
 * extension) is sent as given.
 */
final class Specials {

    private static final Pattern DOWNLOAD = Pattern.compile(
            "Downloads\\.\\[FileType:([^\\]]+)\\](?:\\.(FileName|URL|TargetFileName|Download))?");

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Specials() {
    }

    static List<ParameterTree.Entry> declare(RunState state, String path, Values values) {
        Instant now = state.context.now();
        if (path.startsWith("Tags.")) {
            String tag = path.substring("Tags.".length());
            if (values.value().isPresent()) {
                String v = values.value().get();
                state.context.tag(tag, "true".equalsIgnoreCase(v) || "1".equals(v));
            }
            if (!state.context.tags().contains(tag)) {
                return List.of();
            }
            return List.of(entry("Tags." + tag, Optional.of("true"), "xsd:boolean", now));
        }
        if (path.equals("Reboot") || path.equals("FactoryReset")) {
            if (values.value().isPresent()) {
                if (path.equals("Reboot")) {
                    state.context.reboot();
                } else {
                    state.context.factoryReset();
                }
            }
            return List.of();
        }
        Matcher m = DOWNLOAD.matcher(path);
        if (!m.matches()) {
            throw ScriptRuntime.typeError("declare: unsupported path " + path);
        }
        String fileType = m.group(1);
        String attribute = m.group(2);
        if (attribute != null && values.value().isPresent()) {
            String v = values.value().get();
            switch (attribute) {
                case "FileName" -> state.downloadUrls.put(fileType, fileUrl(v, state.fileServer));
                case "URL" -> state.downloadUrls.put(fileType, v);
                case "TargetFileName" -> state.downloadTargets.put(fileType, v);
                default -> {
                    String url = state.downloadUrls.get(fileType);
                    if (url == null) {
                        throw ScriptRuntime.typeError("declare: Downloads.[FileType:" + fileType
                                + "].Download needs its FileName or URL declared before");
                    }
                    state.context.download(fileType, url, state.downloadTargets.getOrDefault(fileType, ""));
                }
            }
        }
        return List.of();
    }

    /**
     * The URL of a {@code FileName}: a name with a scheme ({@code http://...}) as it is, otherwise the
     * name as one path segment under the file server's base URL (as it is when that is unknown).
     */
    static String fileUrl(String fileName, Optional<URI> fileServer) {
        if (SCHEME.matcher(fileName).lookingAt() || fileServer.isEmpty()) {
            return fileName;
        }
        String base = fileServer.get().toString();
        return (base.endsWith("/") ? base : base + "/") + pathSegment(fileName);
    }

    /** Percent-encodes all but RFC 3986's unreserved characters, as UTF-8. */
    private static String pathSegment(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    private static ParameterTree.Entry entry(String path, Optional<String> value, String type, Instant at) {
        return new ParameterTree.Entry(ParameterPath.parse(path), false, Optional.of(true), value, Optional.of(type),
                OptionalInt.empty(), Optional.empty(), Optional.of(at), Optional.of(at), Optional.empty(), Set.of());
    }
}
