package dev.cwmp.testkit.sim;

import dev.cwmp.datamodel.dump.GenieacsSimCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates the MikroTik RB951Ui-2HnD profile shipped in {@code src/main/resources} from the
 * reconstructed dump in {@code ../shared/devices} (facts only: names, types, values, writability),
 * with the device identity rows. Run by hand when the dump changes:
 *
 * <pre>
 * java -cp ... dev.cwmp.testkit.sim.MikrotikProfileGenerator ../shared/devices/mikrotik-rb951ui-2hnd-tr181.reconstructed.csv \
 *     cwmp-testkit/src/main/resources/dev/cwmp/testkit/sim/mikrotik-rb951ui-2hnd.csv
 * </pre>
 *
 * {@link MikrotikProfileResourceTest} checks that the committed resource is what this produces.
 */
public final class MikrotikProfileGenerator {

    private MikrotikProfileGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: MikrotikProfileGenerator <dump.csv> <out.csv>");
        }
        Files.writeString(Path.of(args[1]), generate(Path.of(args[0])), StandardCharsets.UTF_8);
    }

    /** The resource's text for a dump. */
    static String generate(Path dump) throws IOException {
        GenieacsSimCsv.Dump d = GenieacsSimCsv.read(dump);
        StringBuilder out = new StringBuilder("Parameter,Object,Writable,Value,Value type\n");
        identity(out, "Manufacturer", "MikroTik");
        identity(out, "OUI", "E48D8C");
        identity(out, "ProductClass", "RB951Ui-2HnD");
        identity(out, "SerialNumber", "4AC7046131E4");
        for (GenieacsSimCsv.Row row : d.rows()) {
            String path = row.path().toString();
            if (row.object()) {
                path = path.substring(0, path.length() - 1);
            }
            out.append(path).append(',').append(row.object()).append(',').append(row.writable()).append(',')
                    .append(quote(row.value())).append(',').append(row.valueType().orElse("")).append('\n');
        }
        return out.toString();
    }

    private static void identity(StringBuilder out, String name, String value) {
        out.append("DeviceID.").append(name).append(",false,false,").append(quote(value)).append(",xsd:string\n");
    }

    private static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
