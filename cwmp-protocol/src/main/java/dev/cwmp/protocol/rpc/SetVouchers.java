package dev.cwmp.protocol.rpc;

import java.util.Objects;

/**
 * Installs option vouchers.
 *
 * @param voucherList the vouchers
 */
public record SetVouchers(VoucherList voucherList) implements AcsRequest<SetVouchersResponse> {

    // Validates and copies.
    public SetVouchers {
        Objects.requireNonNull(voucherList, "voucherList");
    }

    @Override
    public String methodName() {
        return "SetVouchers";
    }

    @Override
    public Class<SetVouchersResponse> responseType() {
        return SetVouchersResponse.class;
    }
}
