package dev.cwmp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The fault-code table agrees with the fault codes the Broadband Forum schemas document. */
class FaultCodeSchemaTest {

    private static Path bbf() {
        String shared = System.getProperty("cwmp.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "bbf");
        assumeTrue(dir != null && Files.isRegularFile(dir.resolve("cwmp-1-2.xsd")),
                "the Broadband Forum schemas are not there (system property cwmp.shared.dir=" + shared
                        + "): skipping the comparison with cwmp-1-2.xsd and cwmp-1-4.xsd");
        return dir;
    }

    /** Lines such as "* 9005 - Invalid parameter name" in the schemas' documentation. */
    private static Map<Integer, String> documentedCodes(Path xsd) throws IOException {
        Map<Integer, String> codes = new TreeMap<>();
        for (String line : Files.readAllLines(xsd, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.length() > 9 && trimmed.startsWith("* ") && trimmed.substring(6).startsWith(" - ")) {
                String digits = trimmed.substring(2, 6);
                if (digits.chars().allMatch(Character::isDigit) && (digits.startsWith("8") || digits.startsWith("9"))) {
                    codes.put(Integer.parseInt(digits), trimmed.substring(9).replace("Deployement", "Deployment"));
                }
            }
        }
        return codes;
    }

    @Test
    void every_documented_code_has_a_constant_with_the_schema_meaning() throws IOException {
        Path bbf = bbf();
        Map<Integer, String> documented = documentedCodes(bbf.resolve("cwmp-1-2.xsd"));
        documented.putAll(documentedCodes(bbf.resolve("cwmp-1-4.xsd")));

        assertThat(documented).hasSize(FaultCode.values().length);
        for (Map.Entry<Integer, String> entry : documented.entrySet()) {
            assertThat(FaultCode.of(entry.getKey())).as("code %d", entry.getKey()).isPresent();
            assertThat(FaultCode.of(entry.getKey()).get().meaning()).as("meaning of %d", entry.getKey())
                    .isEqualTo(entry.getValue());
        }
    }
}
