package dev.cwmp.datamodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.dump.GenieacsSimCsv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every row of every dump in ../shared/devices against the standard models (skipped without it): each path
 * resolves to a definition or is a vendor extension, and each value passes validation for its type, except
 * the real devices' deviations listed, with the reason for each, in {@code dump-deviations.txt}.
 */
class DeviceDumpsTest {

    @Test
    void every_dump_row_resolves_and_validates_except_the_listed_deviations() throws IOException {
        Set<String> found = new TreeSet<>();
        int values = 0;
        int validValues = 0;
        int vendorRows = 0;
        try (Stream<Path> files = Files.list(BbfFiles.devicesDir())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                GenieacsSimCsv.Dump dump = GenieacsSimCsv.read(file);
                DataModel model = DataModel.forRoot(dump.rootName().orElseThrow()).orElseThrow();
                String device = file.getFileName().toString();
                Set<String> unknownDefinitions = new HashSet<>();
                for (GenieacsSimCsv.Row row : dump.rows()) {
                    String definitionPath = row.path().definitionPath();
                    DefinitionKind kind = model.kindOf(row.path());
                    if (kind == DefinitionKind.VENDOR) {
                        vendorRows++;
                        continue;
                    }
                    if (kind == DefinitionKind.UNKNOWN) {
                        // report the topmost unknown name only: everything below it is unknown as well
                        String parent = row.path().parent().map(ParameterPath::definitionPath).orElse("");
                        if (!unknownDefinitions.contains(parent) && !unknownDefinitions.contains(parent + "{i}.")) {
                            found.add(device + "\tUNKNOWN\t" + definitionPath);
                        }
                        unknownDefinitions.add(definitionPath);
                        continue;
                    }
                    if (row.object()) {
                        assertThat(model.findObject(row.path())).as(row.path().toString()).isPresent();
                        continue;
                    }
                    ParameterDefinition definition = model.findParameter(row.path()).orElseThrow();
                    values++;
                    Validation validation = definition.validateRead(row.value());
                    if (validation.isValid()) {
                        validValues++;
                    } else {
                        for (Validation.Violation violation : validation.violations()) {
                            found.add(device + "\tINVALID\t" + definitionPath + "\t" + violation.rule());
                        }
                    }
                }
            }
        }

        assertThat(found).as("deviations found").containsExactlyInAnyOrderElementsOf(expectedDeviations());
        assertThat(vendorRows).isPositive();
        assertThat(validValues).as("valid values of %d", values).isGreaterThan(values * 97 / 100);
    }

    private static Set<String> expectedDeviations() throws IOException {
        Set<String> expected = new TreeSet<>();
        try (InputStream in = DeviceDumpsTest.class.getResourceAsStream("dump-deviations.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int comment = line.indexOf('#');
                String entry = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (!entry.isEmpty()) {
                    expected.add(String.join("\t", entry.split("\\s+")));
                }
            }
        }
        return expected;
    }
}
