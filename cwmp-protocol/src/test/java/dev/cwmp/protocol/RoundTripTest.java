package dev.cwmp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.protocol.rpc.AcsMessage;
import dev.cwmp.protocol.rpc.CpeMessage;
import dev.cwmp.protocol.rpc.CwmpMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
    private static final CwmpCodec CODEC = CwmpCodec.create();

    static Stream<Arguments> everyMessageInEveryVersion() {
        List<Arguments> arguments = new ArrayList<>();
        for (CwmpVersion version : CwmpVersion.values()) {
            for (CwmpMessage message : SampleMessages.all()) {
                arguments.add(Arguments.of(version, message.methodName(), message));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyMessageInEveryVersion")
    void decodes_what_it_encoded_with_all_headers(CwmpVersion version, String methodName, CwmpMessage message) {
        CwmpEnvelope envelope = new CwmpEnvelope(version, SampleMessages.headersFor(version), message);

        CwmpEnvelope decoded = CODEC.decode(CODEC.encode(envelope));

        assertThat(decoded).isEqualTo(envelope);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyMessageInEveryVersion")
    void decodes_what_it_encoded_without_headers(CwmpVersion version, String methodName, CwmpMessage message) {
        CwmpEnvelope envelope = CwmpEnvelope.of(version, message);

        CwmpEnvelope decoded = CODEC.decode(CODEC.encode(envelope));

        assertThat(decoded.body()).isEqualTo(message);
        assertThat(decoded.headers()).isEqualTo(CwmpHeaders.NONE);
    }

    @Test
    void samples_cover_every_message_type_of_both_directions() {
        Set<Class<?>> sampled = new HashSet<>();
        for (CwmpMessage message : SampleMessages.all()) {
            sampled.add(message.getClass());
        }
        Set<Class<?>> permitted = new HashSet<>();
        collectRecords(CpeMessage.class, permitted);
        collectRecords(AcsMessage.class, permitted);

        assertThat(sampled).containsExactlyInAnyOrderElementsOf(permitted);
        assertThat(permitted).hasSize(56);
    }

    private static void collectRecords(Class<?> type, Set<Class<?>> into) {
        if (type.isRecord()) {
            into.add(type);
            return;
        }
        for (Class<?> sub : type.getPermittedSubclasses()) {
            collectRecords(sub, into);
        }
    }
}
