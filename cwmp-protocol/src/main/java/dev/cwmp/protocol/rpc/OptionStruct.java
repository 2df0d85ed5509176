package dev.cwmp.protocol.rpc;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An option of the CPE, in a {@link GetOptionsResponse} ({@code OptionStruct}).
 *
 * @param optionName the option's name
 * @param voucherSn the serial number of the voucher that set it
 * @param state 0..3: bit 0 enabled, bit 1 setup (the spec's State)
 * @param mode 0 disabled, 1 enabled with expiration, 2 enabled without expiration
 * @param startDate when the option was enabled
 * @param expirationDate when it expires, if it does
 * @param isTransferable whether it may be transferred to another device
 */
public record OptionStruct(String optionName, long voucherSn, int state, int mode, Instant startDate,
        Optional<Instant> expirationDate, boolean isTransferable) {

    // Validates.
    public OptionStruct {
        Checks.text(optionName, "optionName");
        Checks.unsignedInt(voucherSn, "voucherSn");
        Checks.range(state, 0, 3, "state");
        Checks.range(mode, 0, 2, "mode");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(expirationDate, "expirationDate");
    }
}
