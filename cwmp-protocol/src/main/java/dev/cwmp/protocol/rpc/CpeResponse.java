package dev.cwmp.protocol.rpc;

/** A CPE's successful response to an {@link AcsRequest}. */
public sealed interface CpeResponse extends CpeMessage
        permits GetRPCMethodsResponse, SetParameterValuesResponse, GetParameterValuesResponse,
        GetParameterNamesResponse, SetParameterAttributesResponse, GetParameterAttributesResponse,
        AddObjectResponse, DeleteObjectResponse, RebootResponse, DownloadResponse, UploadResponse,
        FactoryResetResponse, GetQueuedTransfersResponse, GetAllQueuedTransfersResponse,
        ScheduleInformResponse, SetVouchersResponse, GetOptionsResponse, ScheduleDownloadResponse,
        CancelTransferResponse, ChangeDUStateResponse {
}
