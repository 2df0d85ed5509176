package dev.cwmp.protocol.rpc;

import java.util.List;

/**
 * The vouchers of a {@link SetVouchers}: each a signed voucher as base64 text (kept as text; the
 * codec neither decodes nor checks the signature).
 *
 * @param vouchers base64-encoded vouchers
 */
public record VoucherList(List<String> vouchers) {

    // Copies.
    public VoucherList {
        vouchers = List.copyOf(vouchers);
    }
}
