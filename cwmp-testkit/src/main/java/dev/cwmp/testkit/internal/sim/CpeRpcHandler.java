package dev.cwmp.testkit.internal.sim;

import dev.cwmp.datamodel.DataModel;
import dev.cwmp.datamodel.ParameterDefinition;
import dev.cwmp.datamodel.Validation;
import dev.cwmp.protocol.FaultCode;
import dev.cwmp.protocol.rpc.AcsMessage;
import dev.cwmp.protocol.rpc.AddObject;
import dev.cwmp.protocol.rpc.AddObjectResponse;
import dev.cwmp.protocol.rpc.CpeMessage;
import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.protocol.rpc.CwmpTimes;
import dev.cwmp.protocol.rpc.DeleteObject;
import dev.cwmp.protocol.rpc.DeleteObjectResponse;
import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.protocol.rpc.DownloadResponse;
import dev.cwmp.protocol.rpc.FactoryReset;
import dev.cwmp.protocol.rpc.FactoryResetResponse;
import dev.cwmp.protocol.rpc.GetAllQueuedTransfers;
import dev.cwmp.protocol.rpc.GetAllQueuedTransfersResponse;
import dev.cwmp.protocol.rpc.GetParameterAttributes;
import dev.cwmp.protocol.rpc.GetParameterAttributesResponse;
import dev.cwmp.protocol.rpc.GetParameterNames;
import dev.cwmp.protocol.rpc.GetParameterNamesResponse;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.protocol.rpc.GetParameterValuesResponse;
import dev.cwmp.protocol.rpc.GetQueuedTransfers;
import dev.cwmp.protocol.rpc.GetQueuedTransfersResponse;
import dev.cwmp.protocol.rpc.GetRPCMethods;
import dev.cwmp.protocol.rpc.GetRPCMethodsResponse;
import dev.cwmp.protocol.rpc.ParameterAttributeStruct;
import dev.cwmp.protocol.rpc.ParameterInfoStruct;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.Reboot;
import dev.cwmp.protocol.rpc.RebootResponse;
import dev.cwmp.protocol.rpc.ScheduleInform;
import dev.cwmp.protocol.rpc.ScheduleInformResponse;
import dev.cwmp.protocol.rpc.SetParameterAttributes;
import dev.cwmp.protocol.rpc.SetParameterAttributesResponse;
import dev.cwmp.protocol.rpc.SetParameterAttributesStruct;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.protocol.rpc.SetParameterValuesFault;
import dev.cwmp.protocol.rpc.SetParameterValuesResponse;
import dev.cwmp.protocol.rpc.Upload;
import dev.cwmp.protocol.rpc.UploadResponse;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.testkit.internal.sim.ProfileTable.Node;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers the ACS's requests as a TR-069 CPE does, on one device's parameters: values, names,
 * attributes, objects, with the standard faults (9005 unknown name, 9007 bad value, 9008 read-only,
 * ...). Actions that happen after the session (reboot, factory reset, transfers, scheduled informs)
 * are returned as {@link Deferred} for the caller to carry out.
 */
public final class CpeRpcHandler {

    /** What the device does once the session has ended. */
    public sealed interface Deferred {
        record RebootAfterSession(String commandKey) implements Deferred {
        }

        record FactoryResetAfterSession() implements Deferred {
        }

        record DownloadAfterSession(Download download) implements Deferred {
        }

        record UploadAfterSession(Upload upload) implements Deferred {
        }

        record InformLater(long delaySeconds, String commandKey) implements Deferred {
        }
    }

    /** The answer to send, and what to do after the session. */
    public record Answer(CpeMessage message, Optional<Deferred> deferred) {
        static Answer of(CpeMessage message) {
            return new Answer(message, Optional.empty());
        }
    }

    /** The methods this CPE supports, as GetRPCMethods lists them. */
    public static final List<String> METHODS = List.of("GetRPCMethods", "SetParameterValues", "GetParameterValues",
            "GetParameterNames", "SetParameterAttributes", "GetParameterAttributes", "AddObject", "DeleteObject",
            "Reboot", "Download", "Upload", "FactoryReset", "GetQueuedTransfers", "GetAllQueuedTransfers",
            "ScheduleInform");

    private final DeviceParameters params;
    private final boolean booleansAsDigits;

    public CpeRpcHandler(DeviceParameters params, boolean booleansAsDigits) {
        this.params = params;
        this.booleansAsDigits = booleansAsDigits;
    }

    /** Answers one ACS request (anything else, e.g. a response, is 9000 or 9003). */
    public Answer handle(AcsMessage request) {
        if (request instanceof GetRPCMethods) {
            return Answer.of(new GetRPCMethodsResponse(METHODS));
        }
        if (request instanceof GetParameterValues gpv) {
            return Answer.of(getValues(gpv));
        }
        if (request instanceof SetParameterValues spv) {
            return Answer.of(setValues(spv));
        }
        if (request instanceof GetParameterNames gpn) {
            return Answer.of(getNames(gpn));
        }
        if (request instanceof GetParameterAttributes gpa) {
            return Answer.of(getAttributes(gpa));
        }
        if (request instanceof SetParameterAttributes spa) {
            return Answer.of(setAttributes(spa));
        }
        if (request instanceof AddObject add) {
            return Answer.of(addObject(add));
        }
        if (request instanceof DeleteObject delete) {
            return Answer.of(deleteObject(delete));
        }
        if (request instanceof Reboot reboot) {
            return new Answer(new RebootResponse(), Optional.of(new Deferred.RebootAfterSession(reboot.commandKey())));
        }
        if (request instanceof FactoryReset) {
            return new Answer(new FactoryResetResponse(), Optional.of(new Deferred.FactoryResetAfterSession()));
        }
        if (request instanceof Download download) {
            if (!download.url().startsWith("http://") && !download.url().startsWith("https://")) {
                return Answer.of(CwmpFault.of(FaultCode.UNSUPPORTED_FILE_TRANSFER_PROTOCOL,
                        "only HTTP and HTTPS downloads: " + download.url()));
            }
            return new Answer(new DownloadResponse(1, CwmpTimes.UNKNOWN, CwmpTimes.UNKNOWN),
                    Optional.of(new Deferred.DownloadAfterSession(download)));
        }
        if (request instanceof Upload upload) {
            if (!upload.url().startsWith("http://") && !upload.url().startsWith("https://")) {
                return Answer.of(CwmpFault.of(FaultCode.UNSUPPORTED_FILE_TRANSFER_PROTOCOL,
                        "only HTTP and HTTPS uploads: " + upload.url()));
            }
            return new Answer(new UploadResponse(1, CwmpTimes.UNKNOWN, CwmpTimes.UNKNOWN),
                    Optional.of(new Deferred.UploadAfterSession(upload)));
        }
        if (request instanceof ScheduleInform schedule) {
            if (schedule.delaySeconds() < 1) {
                return Answer.of(CwmpFault.of(FaultCode.INVALID_ARGUMENTS, "DelaySeconds must be at least 1"));
            }
            return new Answer(new ScheduleInformResponse(),
                    Optional.of(new Deferred.InformLater(schedule.delaySeconds(), schedule.commandKey())));
        }
        if (request instanceof GetQueuedTransfers) {
            return Answer.of(new GetQueuedTransfersResponse(List.of()));
        }
        if (request instanceof GetAllQueuedTransfers) {
            return Answer.of(new GetAllQueuedTransfersResponse(List.of()));
        }
        return Answer.of(CwmpFault.of(FaultCode.METHOD_NOT_SUPPORTED, request.methodName() + " is not supported"));
    }

    private CpeMessage getValues(GetParameterValues request) {
        List<ParameterValueStruct> out = new ArrayList<>();
        for (String name : request.parameterNames()) {
            if (name.isEmpty() || name.endsWith(".")) {
                if (!name.isEmpty() && params.find(name).filter(Node::object).isEmpty()) {
                    return unknown(name);
                }
                params.forEachUnder(name, n -> {
                    if (!n.object()) {
                        out.add(valueStruct(n));
                    }
                });
            } else {
                Optional<Node> n = params.find(name);
                if (n.isEmpty() || n.get().object()) {
                    return unknown(name);
                }
                out.add(valueStruct(n.get()));
            }
        }
        return new GetParameterValuesResponse(out);
    }

    /** The value as the device reports it (secrets read as empty). */
    public ParameterValueStruct valueStruct(Node n) {
        String value = n.secret() ? "" : params.currentValue(n);
        if (booleansAsDigits && n.type() == XsdType.BOOLEAN) {
            value = value.equals("true") ? "1" : value.equals("false") ? "0" : value;
        }
        return new ParameterValueStruct(n.path(), value, n.type());
    }

    private static CwmpFault unknown(String name) {
        return CwmpFault.of(FaultCode.INVALID_PARAMETER_NAME, "no such parameter: " + name);
    }

    private CpeMessage setValues(SetParameterValues request) {
        List<SetParameterValuesFault> faults = new ArrayList<>();
        for (ParameterValueStruct p : request.parameterList()) {
            Optional<Node> n = params.find(p.name());
            if (n.isEmpty() || n.get().object()) {
                faults.add(SetParameterValuesFault.of(p.name(), FaultCode.INVALID_PARAMETER_NAME));
            } else if (!n.get().writable()) {
                faults.add(SetParameterValuesFault.of(p.name(), FaultCode.NON_WRITABLE_PARAMETER));
            } else if (p.type() != XsdType.UNSPECIFIED && !compatible(p.type(), n.get().type())) {
                faults.add(SetParameterValuesFault.of(p.name(), FaultCode.INVALID_PARAMETER_TYPE));
            } else {
                Optional<String> problem = invalidValue(n.get(), p.value());
                problem.ifPresent(why -> faults.add(new SetParameterValuesFault(p.name(),
                        FaultCode.INVALID_PARAMETER_VALUE.code(), why)));
            }
        }
        if (!faults.isEmpty()) {
            return CwmpFault.ofSetParameterValues(FaultCode.INVALID_ARGUMENTS.meaning(), faults);
        }
        for (ParameterValueStruct p : request.parameterList()) {
            Node n = params.find(p.name()).orElseThrow();
            params.set(p.name(), canonical(n.type(), p.value()));
        }
        params.table().find(params.table().rootName() + ".ManagementServer.ParameterKey")
                .ifPresent(n -> params.set(n.path(), request.parameterKey()));
        return new SetParameterValuesResponse(0);
    }

    private static boolean compatible(XsdType sent, XsdType declared) {
        return sent == declared || declared == XsdType.UNSPECIFIED || sent == XsdType.STRING;
    }

    private static String canonical(XsdType type, String value) {
        if (type == XsdType.BOOLEAN) {
            String v = value.strip();
            return v.equals("1") || v.equalsIgnoreCase("true") ? "true" : "false";
        }
        return type == XsdType.STRING || type == XsdType.UNSPECIFIED ? value : value.strip();
    }

    /** Why a value cannot be written to a parameter, if it cannot. */
    Optional<String> invalidValue(Node n, String value) {
        Optional<String> typeProblem = typeProblem(n.type(), value.strip());
        if (typeProblem.isPresent()) {
            return typeProblem;
        }
        Optional<DataModel> model = params.table().standard();
        if (model.isPresent()) {
            Optional<ParameterDefinition> def = ProfileTable.parameterDefinition(model.get(), n.path());
            if (def.isPresent()) {
                Validation v = def.get().validate(canonical(n.type(), value));
                if (!v.isValid()) {
                    return Optional.of(v.violations().get(0).reason());
                }
            }
        }
        return Optional.empty();
    }

    private static final BigInteger MAX_UNSIGNED_INT = BigInteger.valueOf(0xFFFF_FFFFL);
    private static final BigInteger MAX_UNSIGNED_LONG = new BigInteger("18446744073709551615");

    static Optional<String> typeProblem(XsdType type, String v) {
        try {
            switch (type) {
                case BOOLEAN:
                    return v.equals("true") || v.equals("false") || v.equals("1") || v.equals("0")
                            ? Optional.empty() : Optional.of("not a boolean: " + v);
                case INT:
                    Integer.parseInt(v);
                    return Optional.empty();
                case LONG:
                    Long.parseLong(v);
                    return Optional.empty();
                case UNSIGNED_INT:
                    return inRange(new BigInteger(v), MAX_UNSIGNED_INT, v);
                case UNSIGNED_LONG:
                    return inRange(new BigInteger(v), MAX_UNSIGNED_LONG, v);
                case DATE_TIME:
                    Instant.parse(v.endsWith("Z") || v.contains("+") ? v : v + "Z");
                    return Optional.empty();
                default:
                    return Optional.empty();
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.of("not a " + type.localName() + ": " + v);
        }
    }

    private static Optional<String> inRange(BigInteger n, BigInteger max, String v) {
        return n.signum() < 0 || n.compareTo(max) > 0 ? Optional.of("out of range: " + v) : Optional.empty();
    }

    private CpeMessage getNames(GetParameterNames request) {
        String path = request.parameterPath();
        List<ParameterInfoStruct> out = new ArrayList<>();
        if (!path.isEmpty() && !path.endsWith(".")) {
            Optional<Node> n = params.find(path);
            if (n.isEmpty()) {
                return unknown(path);
            }
            if (request.nextLevel()) {
                return CwmpFault.of(FaultCode.INVALID_ARGUMENTS, "NextLevel true for a parameter: " + path);
            }
            out.add(new ParameterInfoStruct(path, n.get().writable()));
            return new GetParameterNamesResponse(out);
        }
        if (!path.isEmpty() && params.find(path).filter(Node::object).isEmpty()) {
            return unknown(path);
        }
        String base = path;
        boolean nextLevel = request.nextLevel();
        params.forEachUnder(path, n -> {
            if (nextLevel) {
                if (n.path().length() == base.length()) {
                    return;
                }
                String rest = n.path().substring(base.length());
                int dot = rest.indexOf('.');
                if (dot >= 0 && dot != rest.length() - 1) {
                    return;
                }
            }
            out.add(new ParameterInfoStruct(n.path(), n.writable()));
        });
        return new GetParameterNamesResponse(out);
    }

    private CpeMessage getAttributes(GetParameterAttributes request) {
        List<ParameterAttributeStruct> out = new ArrayList<>();
        for (String name : request.parameterNames()) {
            if (name.isEmpty() || name.endsWith(".")) {
                if (!name.isEmpty() && params.find(name).filter(Node::object).isEmpty()) {
                    return unknown(name);
                }
                params.forEachUnder(name, n -> {
                    if (!n.object()) {
                        out.add(new ParameterAttributeStruct(n.path(), params.notification(n), List.of()));
                    }
                });
            } else {
                Optional<Node> n = params.find(name);
                if (n.isEmpty() || n.get().object()) {
                    return unknown(name);
                }
                out.add(new ParameterAttributeStruct(name, params.notification(n.get()), List.of()));
            }
        }
        return new GetParameterAttributesResponse(out);
    }

    private CpeMessage setAttributes(SetParameterAttributes request) {
        List<String> targets = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (SetParameterAttributesStruct s : request.parameterList()) {
            if (!s.notificationChange()) {
                continue;
            }
            if (s.notification() > 2) {
                return CwmpFault.of(FaultCode.NOTIFICATION_REQUEST_REJECTED,
                        "notification " + s.notification() + " is not supported");
            }
            if (s.name().isEmpty() || s.name().endsWith(".")) {
                if (!s.name().isEmpty() && params.find(s.name()).filter(Node::object).isEmpty()) {
                    return unknown(s.name());
                }
                params.forEachUnder(s.name(), n -> {
                    if (!n.object()) {
                        targets.add(n.path());
                        values.add(s.notification());
                    }
                });
            } else {
                Optional<Node> n = params.find(s.name());
                if (n.isEmpty() || n.get().object()) {
                    return unknown(s.name());
                }
                targets.add(s.name());
                values.add(s.notification());
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            params.setNotification(targets.get(i), values.get(i));
        }
        return new SetParameterAttributesResponse();
    }

    private CpeMessage addObject(AddObject request) {
        String path = request.objectName();
        Optional<Node> n = params.find(path);
        if (!path.endsWith(".") || n.isEmpty() || !n.get().object() || !n.get().table() || !n.get().writable()) {
            return CwmpFault.of(FaultCode.INVALID_PARAMETER_NAME, "not a table the ACS may add to: " + path);
        }
        long instance = params.addInstance(path);
        setParameterKey(request.parameterKey());
        return new AddObjectResponse(instance, 0);
    }

    private CpeMessage deleteObject(DeleteObject request) {
        String path = request.objectName();
        Optional<Node> n = params.find(path);
        String segment = path.endsWith(".") ? ProfileTable.lastSegment(path) : "";
        if (n.isEmpty() || !n.get().object() || !ProfileTable.isNumber(segment)) {
            return CwmpFault.of(FaultCode.INVALID_PARAMETER_NAME, "not an instance: " + path);
        }
        String tablePath = path.substring(0, path.length() - segment.length() - 1);
        if (params.find(tablePath).filter(t -> t.table() && t.writable()).isEmpty()) {
            return CwmpFault.of(FaultCode.INVALID_PARAMETER_NAME, "the ACS may not delete instances of " + tablePath);
        }
        params.deleteInstance(path, tablePath);
        setParameterKey(request.parameterKey());
        return new DeleteObjectResponse(0);
    }

    private void setParameterKey(String key) {
        params.table().find(params.table().rootName() + ".ManagementServer.ParameterKey")
                .ifPresent(n -> params.set(n.path(), key));
    }
}
