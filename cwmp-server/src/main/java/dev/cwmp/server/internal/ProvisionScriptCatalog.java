package dev.cwmp.server.internal;

import dev.cwmp.nbi.ScriptCatalog;
import dev.cwmp.nbi.ScriptRejectedException;
import dev.cwmp.scripting.ProvisionScripts;
import dev.cwmp.scripting.ScriptSyntaxException;
import dev.cwmp.scripting.ScriptedProvision;
import java.util.List;
import java.util.Optional;

/** The NBI's {@code /provisions} on the scripting module: a script that does not compile is refused. */
public final class ProvisionScriptCatalog implements ScriptCatalog {

    private final ProvisionScripts scripts;

    public ProvisionScriptCatalog(ProvisionScripts scripts) {
        this.scripts = scripts;
    }

    @Override
    public List<String> names() {
        return scripts.names().stream().sorted().toList();
    }

    @Override
    public Optional<String> get(String name) {
        return scripts.get(name).map(ScriptedProvision::source);
    }

    @Override
    public void put(String name, String source) {
        try {
            scripts.put(name, source);
        } catch (ScriptSyntaxException e) {
            throw new ScriptRejectedException(e.detail(), Math.max(1, e.line()), Math.max(1, e.column()));
        }
    }

    @Override
    public boolean delete(String name) {
        return scripts.delete(name);
    }
}
