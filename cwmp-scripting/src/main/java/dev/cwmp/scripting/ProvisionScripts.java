package dev.cwmp.scripting;

import dev.cwmp.provisioning.Provision;
import dev.cwmp.scripting.internal.Sandbox;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * JavaScript provisions stored by name (GenieACS's {@code PUT /provisions/<name>}), compiled when
 * stored, and handed to the provision engine with {@link #asLookup()}:
 *
 * <pre>{@code
 * ProvisionScripts scripts = ProvisionScripts.create();
 * scripts.put("wifi", source);                 // a syntax error throws ScriptSyntaxException
 * ProvisioningDriver driver = ProvisioningDriver.builder(presets)
 *         .provisionLookup(scripts.asLookup())
 *         .build();
 * }</pre>
 *
 * Thread-safe: scripts may be changed while sessions run; a session's run uses the script stored
 * when the run looked it up.
 */
public final class ProvisionScripts {

    private final Sandbox sandbox;
    private final Optional<URI> fileServer;
    private final Map<String, ScriptedProvision> scripts = new ConcurrentHashMap<>();

    private ProvisionScripts(ScriptLimits limits, Optional<URI> fileServer) {
        this.sandbox = Sandbox.of(limits);
        this.fileServer = fileServer;
    }

    /** An empty store whose scripts run within {@link ScriptLimits#defaults()}. */
    public static ProvisionScripts create() {
        return new ProvisionScripts(ScriptLimits.defaults(), Optional.empty());
    }

    /** An empty store whose scripts run within these limits. */
    public static ProvisionScripts create(ScriptLimits limits) {
        return new ProvisionScripts(Objects.requireNonNull(limits, "limits"), Optional.empty());
    }

    /**
     * An empty store whose scripts run within these limits and download from this file server: a
     * {@code Downloads.[FileType:<type>].FileName} that is not a URL names a file there and is sent
     * as {@code <fileServerBaseUrl>/<percent-encoded name>}, as GenieACS does.
     *
     * @throws IllegalArgumentException when the URL is not an absolute http or https URL
     */
    public static ProvisionScripts create(ScriptLimits limits, URI fileServerBaseUrl) {
        Objects.requireNonNull(fileServerBaseUrl, "fileServerBaseUrl");
        String scheme = fileServerBaseUrl.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                || fileServerBaseUrl.getRawAuthority() == null) {
            throw new IllegalArgumentException("not an http(s) base URL: " + fileServerBaseUrl);
        }
        return new ProvisionScripts(Objects.requireNonNull(limits, "limits"), Optional.of(fileServerBaseUrl));
    }

    /**
     * Compiles and stores a script, replacing the one of the same name.
     *
     * @throws ScriptSyntaxException when it does not compile (nothing is stored)
     * @throws IllegalArgumentException when the name is empty, longer than 255 bytes or has control
     *     characters, {@code /} or {@code \}
     */
    public ScriptedProvision put(String name, String source) {
        ScriptedProvision provision = new ScriptedProvision(sandbox, sandbox.compile(Names.check(name), source),
                fileServer);
        scripts.put(name, provision);
        return provision;
    }

    /** The script stored under the name. */
    public Optional<ScriptedProvision> get(String name) {
        return Optional.ofNullable(scripts.get(name));
    }

    /** The names of the stored scripts, sorted. */
    public List<String> names() {
        return scripts.keySet().stream().sorted().toList();
    }

    /** Removes a script; false when there was none of that name. */
    public boolean delete(String name) {
        return scripts.remove(name) != null;
    }

    /** The bounds of each run. */
    public ScriptLimits limits() {
        return sandbox.limits();
    }

    /** The base URL a {@code FileName} is resolved against, when the store was made with one. */
    public Optional<URI> fileServer() {
        return fileServer;
    }

    /** The look-up for {@code ProvisioningDriver.Builder#provisionLookup}: the stored script of that name, if any. */
    public Function<String, Optional<Provision>> asLookup() {
        return name -> Optional.ofNullable(scripts.get(name));
    }
}
