package dev.cwmp.benchmarks.datamodel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.cwmp.datamodel.DataModel;
import dev.cwmp.datamodel.ParameterDefinition;
import dev.cwmp.datamodel.dump.GenieacsSimCsv;

/** Inputs of the datamodel suite: the largest device dump and a set of concrete parameter paths. */
public final class DataModelFixtures {

    /** System property naming the shared reference directory (default {@code ../shared}). */
    public static final String SHARED_DIR_PROPERTY = "cwmp.shared.dir";
    /** The largest dump: a TP-Link EX220, 5,237 rows. */
    public static final String EX220_DUMP = "devices/tplink-ex220-tr181.csv";

    private DataModelFixtures() {}

    /** The shared reference directory, from {@value #SHARED_DIR_PROPERTY} or {@code ../shared}. */
    public static Path sharedDir() {
        return Path.of(System.getProperty(SHARED_DIR_PROPERTY, "../shared")).toAbsolutePath().normalize();
    }

    /** The EX220 dump, if the shared directory has it. */
    public static Optional<GenieacsSimCsv.Dump> ex220() {
        Path file = sharedDir().resolve(EX220_DUMP);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(GenieacsSimCsv.read(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Concrete parameter paths to parse and look up: every parameter path of the EX220 dump when
     * present (real paths, vendor ones included), else every TR-181 parameter definition with its
     * {@code {i}} replaced by instance numbers 1 to 3.
     */
    public static String[] concretePaths() {
        List<String> out = new ArrayList<>();
        Optional<GenieacsSimCsv.Dump> dump = ex220();
        if (dump.isPresent()) {
            for (GenieacsSimCsv.Row row : dump.get().rows()) {
                if (!row.object()) {
                    out.add(row.path().toString());
                }
            }
        } else {
            int n = 0;
            for (ParameterDefinition p : DataModel.tr181().parameters()) {
                String path = p.path();
                while (path.contains("{i}")) {
                    path = path.replaceFirst("\\{i\\}", Integer.toString(1 + (n++ % 3)));
                }
                out.add(path);
            }
        }
        return out.toArray(String[]::new);
    }
}
