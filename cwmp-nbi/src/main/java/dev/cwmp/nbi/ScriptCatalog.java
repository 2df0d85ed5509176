package dev.cwmp.nbi;

import dev.cwmp.nbi.internal.InMemoryScriptCatalog;
import java.util.List;
import java.util.Optional;

/**
 * Named scripts (GenieACS provisions or virtual parameters), changeable through the NBI's
 * {@code PUT/GET/DELETE /provisions/<name>} and {@code /virtual_parameters/<name>}. An SPI: the
 * scripting module supplies one that compiles JavaScript and refuses what does not compile;
 * {@link #inMemory()} accepts any source. Implementations are thread-safe.
 */
public interface ScriptCatalog {

    /** The names of the scripts, sorted. */
    List<String> names();

    /** The source of the script of that name. */
    Optional<String> get(String name);

    /**
     * Stores (or replaces) a script.
     *
     * @throws ScriptRejectedException when the source is refused; nothing is stored then
     */
    void put(String name, String source);

    /** Removes the script of that name; whether there was one. */
    boolean delete(String name);

    /** A catalog in memory that accepts any source. */
    static ScriptCatalog inMemory() {
        return new InMemoryScriptCatalog();
    }
}
