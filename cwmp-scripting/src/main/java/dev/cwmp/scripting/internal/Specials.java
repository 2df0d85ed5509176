package dev.cwmp.scripting.internal;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.provisioning.Values;
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
 * sends the file named by {@code FileName} or {@code URL} in the same run).
 */
final class Specials {

    private static final Pattern DOWNLOAD = Pattern.compile(
            "Downloads\\.\\[FileType:([^\\]]+)\\](?:\\.(FileName|URL|TargetFileName|Download))?");

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
                case "FileName", "URL" -> state.downloadUrls.put(fileType, v);
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

    private static ParameterTree.Entry entry(String path, Optional<String> value, String type, Instant at) {
        return new ParameterTree.Entry(ParameterPath.parse(path), false, Optional.of(true), value, Optional.of(type),
                OptionalInt.empty(), Optional.empty(), Optional.of(at), Optional.of(at), Optional.empty(), Set.of());
    }
}
