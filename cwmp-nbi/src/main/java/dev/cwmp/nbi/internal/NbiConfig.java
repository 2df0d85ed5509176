package dev.cwmp.nbi.internal;

import dev.cwmp.nbi.NbiAuthentication;
import dev.cwmp.nbi.ObjectCatalog;
import dev.cwmp.nbi.ScriptCatalog;
import dev.cwmp.provisioning.PresetStore;
import dev.cwmp.provisioning.ProvisioningStore;
import dev.cwmp.provisioning.VirtualParameterSource;
import dev.cwmp.provisioning.files.FileStore;
import dev.cwmp.session.Acs;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What the NBI serves and how, as {@link dev.cwmp.nbi.NbiServer.Builder} collected it. */
public record NbiConfig(Acs acs, PresetStore presets, ProvisioningStore provisioning, FileStore files,
        ScriptCatalog provisionScripts, ScriptCatalog virtualParameterScripts, NbiAuthentication authentication,
        int maxBodyBytes, long maxFileBytes, Optional<URI> fileServerUrl, Duration defaultTaskTimeout,
        Duration maxTaskTimeout, Duration taskLifetime, ObjectCatalog objects,
        VirtualParameterSource virtualParameters, Optional<Path> pingProgram, Duration pingTimeout) {

    public NbiConfig {
        Objects.requireNonNull(acs, "acs");
        Objects.requireNonNull(presets, "presets");
        Objects.requireNonNull(provisioning, "provisioning");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(provisionScripts, "provisionScripts");
        Objects.requireNonNull(virtualParameterScripts, "virtualParameterScripts");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(fileServerUrl, "fileServerUrl");
        Objects.requireNonNull(defaultTaskTimeout, "defaultTaskTimeout");
        Objects.requireNonNull(maxTaskTimeout, "maxTaskTimeout");
        Objects.requireNonNull(taskLifetime, "taskLifetime");
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(virtualParameters, "virtualParameters");
        Objects.requireNonNull(pingProgram, "pingProgram");
        Objects.requireNonNull(pingTimeout, "pingTimeout");
    }
}
