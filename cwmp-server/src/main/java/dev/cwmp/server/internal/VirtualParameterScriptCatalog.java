package dev.cwmp.server.internal;

import dev.cwmp.nbi.ScriptCatalog;
import dev.cwmp.nbi.ScriptRejectedException;
import dev.cwmp.scripting.ScriptSyntaxException;
import dev.cwmp.scripting.VirtualParameterScripts;
import java.util.List;
import java.util.Optional;

/** The NBI's {@code /virtual_parameters} on the scripting module: a script that does not compile is refused. */
public final class VirtualParameterScriptCatalog implements ScriptCatalog {

    private final VirtualParameterScripts scripts;

    public VirtualParameterScriptCatalog(VirtualParameterScripts scripts) {
        this.scripts = scripts;
    }

    @Override
    public List<String> names() {
        return scripts.names().stream().sorted().toList();
    }

    @Override
    public Optional<String> get(String name) {
        return scripts.get(name);
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
