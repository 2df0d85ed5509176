package dev.cwmp.server.internal;

import dev.cwmp.nbi.ScriptCatalog;
import dev.cwmp.nbi.ScriptRejectedException;
import dev.cwmp.scripting.ProvisionScripts;
import dev.cwmp.scripting.ScriptSyntaxException;
import dev.cwmp.scripting.ScriptedProvision;
import dev.cwmp.scripting.VirtualParameterScripts;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The NBI's {@code /provisions} or {@code /virtual_parameters} on the scripting module: a script is
 * compiled when put, and one that does not compile is refused with its line and column.
 */
public final class CompiledScriptCatalog implements ScriptCatalog {

    private final Supplier<List<String>> names;
    private final Function<String, Optional<String>> sources;
    private final BiConsumer<String, String> compile;
    private final Predicate<String> delete;

    private CompiledScriptCatalog(Supplier<List<String>> names,
            Function<String, Optional<String>> sources, BiConsumer<String, String> compile, Predicate<String> delete) {
        this.names = names;
        this.sources = sources;
        this.compile = compile;
        this.delete = delete;
    }

    /** The provision scripts of {@code scripts}. */
    public static CompiledScriptCatalog provisions(ProvisionScripts scripts) {
        return new CompiledScriptCatalog(scripts::names, name -> scripts.get(name).map(ScriptedProvision::source),
                scripts::put, scripts::delete);
    }

    /** The virtual-parameter scripts of {@code scripts}. */
    public static CompiledScriptCatalog virtualParameters(VirtualParameterScripts scripts) {
        return new CompiledScriptCatalog(scripts::names, scripts::get, scripts::put, scripts::delete);
    }

    @Override
    public List<String> names() {
        return names.get().stream().sorted().toList();
    }

    @Override
    public Optional<String> get(String name) {
        return sources.apply(name);
    }

    @Override
    public void put(String name, String source) {
        try {
            compile.accept(name, source);
        } catch (ScriptSyntaxException e) {
            throw new ScriptRejectedException(e.detail(), Math.max(1, e.line()), Math.max(1, e.column()));
        }
    }

    @Override
    public boolean delete(String name) {
        return delete.test(name);
    }
}
