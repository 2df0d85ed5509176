package dev.cwmp.benchmarks.session;

import dev.cwmp.protocol.rpc.AcsRequest;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.session.SessionContext;
import dev.cwmp.session.SessionDriver;
import java.util.Optional;

/**
 * The session benchmark's driver: once per session, a GetParameterValues of two leaf names, then a
 * SetParameterValues of one value, then nothing (the same requests as the canned server's).
 */
public final class GetThenSetDriver implements SessionDriver {

    private static final GetParameterValues GET = GetParameterValues.of("Device.DeviceInfo.SoftwareVersion",
            "Device.DeviceInfo.UpTime");
    private static final SetParameterValues SET = SetParameterValues.of("load-1",
            new ParameterValueStruct("Device.ManagementServer.PeriodicInformInterval", "300", XsdType.UNSIGNED_INT));

    @Override
    public Optional<AcsRequest<?>> nextRequest(SessionContext session) {
        switch (session.acsRequestCount()) {
            case 0:
                return Optional.of(GET);
            case 1:
                return Optional.of(SET);
            default:
                return Optional.empty();
        }
    }
}
