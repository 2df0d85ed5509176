package dev.cwmp.protocol.rpc;

/**
 * A request an ACS sends to a CPE, typed with the response it expects (or the CPE answers with a
 * {@link CwmpFault}).
 *
 * @param <R> the response type
 */
public sealed interface AcsRequest<R extends CpeResponse> extends AcsMessage
        permits GetRPCMethods, SetParameterValues, GetParameterValues, GetParameterNames,
        SetParameterAttributes, GetParameterAttributes, AddObject, DeleteObject, Reboot, Download,
        Upload, FactoryReset, GetQueuedTransfers, GetAllQueuedTransfers, ScheduleInform, SetVouchers,
        GetOptions, ScheduleDownload, CancelTransfer, ChangeDUState {

    /** The class of the matching response. */
    Class<R> responseType();
}
