package dev.cwmp.datamodel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.datamodel.DataModel;
import dev.cwmp.datamodel.DataModelException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelLoaderTest {

    private static DataModel load(String text) throws Exception {
        return ModelLoader.load(new StringReader(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "tab\there", "new\nline", "back\\slash", "\\t literally", "2\\.\\d+", "\r\n\t\\"})
    void escaping_round_trips(String value) {
        String escaped = ModelFormat.escape(value);

        assertThat(escaped).doesNotContain("\t", "\n", "\r");
        assertThat(ModelFormat.unescape(escaped)).isEqualTo(value);
    }

    @Test
    void reads_a_minimal_model() throws Exception {
        DataModel model = load("""
                cwmp-datamodel 1
                M\tRoot:1.0
                T\tstring\ts=..8\tp=a\\\\.b
                O\tRoot.\treadOnly\t1\t1\t\t\t\t
                P\tName\treadWrite\t0\tFACTORY\tdefault\tdeprecated\t1
                """);

        assertThat(model.modelName()).isEqualTo("Root:1.0");
        assertThat(model.parameter("Root.Name")).hasValueSatisfying(p -> {
            assertThat(p.type().patterns()).containsExactly("a\\.b");
            assertThat(p.validate("a.b").isValid()).isTrue();
            assertThat(p.validate("aXb").isValid()).isFalse();
            assertThat(p.defaultValue().orElseThrow().value()).isEqualTo("default");
            assertThat(p.isSecret()).isTrue();
        });
    }

    @Test
    void rejects_a_resource_without_the_header() {
        assertThatThrownBy(() -> load("M\tRoot:1.0\n"))
                .isInstanceOf(DataModelException.class)
                .hasMessageContaining("not a model resource");
    }

    @Test
    void reports_the_line_of_a_bad_record() {
        assertThatThrownBy(() -> load("cwmp-datamodel 1\nM\tRoot:1.0\nT\tstring\nQ\tx\n"))
                .isInstanceOf(DataModelException.class)
                .hasMessage("model resource line 4: unknown record Q");
        assertThatThrownBy(() -> load("cwmp-datamodel 1\nM\tRoot:1.0\nT\tfloat\n"))
                .hasMessageContaining("line 3: unknown base type float");
        assertThatThrownBy(() -> load("cwmp-datamodel 1\nM\tRoot:1.0\nP\tName\treadOnly\t0\t\t\t\t0\n"))
                .hasMessageContaining("parameter before any object");
    }

    @Test
    void each_load_reads_afresh() {
        assertThat(ModelLoader.loadTr098()).isNotSameAs(ModelLoader.loadTr098());
        assertThatThrownBy(() -> ModelLoader.loadResource("/dev/cwmp/datamodel/none.model.gz"))
                .hasMessageContaining("model resource not found");
    }
}
