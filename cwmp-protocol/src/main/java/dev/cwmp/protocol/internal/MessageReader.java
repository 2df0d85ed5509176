package dev.cwmp.protocol.internal;

import dev.cwmp.protocol.CwmpDecodeException;
import dev.cwmp.protocol.CwmpDecodeException.Reason;
import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.CwmpHeaders;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.DecodeLimits;
import dev.cwmp.protocol.FaultCode;
import dev.cwmp.protocol.rpc.AddObject;
import dev.cwmp.protocol.rpc.AddObjectResponse;
import dev.cwmp.protocol.rpc.AllQueuedTransferStruct;
import dev.cwmp.protocol.rpc.ArgStruct;
import dev.cwmp.protocol.rpc.AutonOpResultStruct;
import dev.cwmp.protocol.rpc.AutonomousDUStateChangeComplete;
import dev.cwmp.protocol.rpc.AutonomousDUStateChangeCompleteResponse;
import dev.cwmp.protocol.rpc.AutonomousTransferComplete;
import dev.cwmp.protocol.rpc.AutonomousTransferCompleteResponse;
import dev.cwmp.protocol.rpc.CancelTransfer;
import dev.cwmp.protocol.rpc.CancelTransferResponse;
import dev.cwmp.protocol.rpc.ChangeDUState;
import dev.cwmp.protocol.rpc.ChangeDUStateResponse;
import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.protocol.rpc.CwmpMessage;
import dev.cwmp.protocol.rpc.CwmpTimes;
import dev.cwmp.protocol.rpc.DUStateChangeComplete;
import dev.cwmp.protocol.rpc.DUStateChangeCompleteResponse;
import dev.cwmp.protocol.rpc.DeleteObject;
import dev.cwmp.protocol.rpc.DeleteObjectResponse;
import dev.cwmp.protocol.rpc.DeviceIdStruct;
import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.protocol.rpc.DownloadResponse;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.FactoryReset;
import dev.cwmp.protocol.rpc.FactoryResetResponse;
import dev.cwmp.protocol.rpc.FaultStruct;
import dev.cwmp.protocol.rpc.GetAllQueuedTransfers;
import dev.cwmp.protocol.rpc.GetAllQueuedTransfersResponse;
import dev.cwmp.protocol.rpc.GetOptions;
import dev.cwmp.protocol.rpc.GetOptionsResponse;
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
import dev.cwmp.protocol.rpc.Inform;
import dev.cwmp.protocol.rpc.InformResponse;
import dev.cwmp.protocol.rpc.InstallOpStruct;
import dev.cwmp.protocol.rpc.Kicked;
import dev.cwmp.protocol.rpc.KickedResponse;
import dev.cwmp.protocol.rpc.OpResultStruct;
import dev.cwmp.protocol.rpc.OperationStruct;
import dev.cwmp.protocol.rpc.OptionStruct;
import dev.cwmp.protocol.rpc.ParameterAttributeStruct;
import dev.cwmp.protocol.rpc.ParameterInfoStruct;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.QueuedTransferStruct;
import dev.cwmp.protocol.rpc.Reboot;
import dev.cwmp.protocol.rpc.RebootResponse;
import dev.cwmp.protocol.rpc.RequestDownload;
import dev.cwmp.protocol.rpc.RequestDownloadResponse;
import dev.cwmp.protocol.rpc.ScheduleDownload;
import dev.cwmp.protocol.rpc.ScheduleDownloadResponse;
import dev.cwmp.protocol.rpc.ScheduleInform;
import dev.cwmp.protocol.rpc.ScheduleInformResponse;
import dev.cwmp.protocol.rpc.SetParameterAttributes;
import dev.cwmp.protocol.rpc.SetParameterAttributesResponse;
import dev.cwmp.protocol.rpc.SetParameterAttributesStruct;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.protocol.rpc.SetParameterValuesFault;
import dev.cwmp.protocol.rpc.SetParameterValuesResponse;
import dev.cwmp.protocol.rpc.SetVouchers;
import dev.cwmp.protocol.rpc.SetVouchersResponse;
import dev.cwmp.protocol.rpc.TimeWindowStruct;
import dev.cwmp.protocol.rpc.TransferComplete;
import dev.cwmp.protocol.rpc.TransferCompleteResponse;
import dev.cwmp.protocol.rpc.UninstallOpStruct;
import dev.cwmp.protocol.rpc.UpdateOpStruct;
import dev.cwmp.protocol.rpc.Upload;
import dev.cwmp.protocol.rpc.UploadResponse;
import dev.cwmp.protocol.rpc.VendorMessage;
import dev.cwmp.protocol.rpc.VoucherList;
import dev.cwmp.protocol.rpc.XmlElement;
import dev.cwmp.protocol.rpc.XsdType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Reads one envelope from a positioned StAX reader: dispatch on local names (any prefix, any
 * namespace for argument elements), unknown elements skipped, lists counted. One instance per decode.
 */
final class MessageReader {
    private final DecodeLimits limits;
    private XMLStreamReader2 r;
    private StringBuilder text;

    // What was learnt so far, for error reports.
    private String cwmpId;
    private String cwmpNamespace;
    private String declaredCwmpNamespace;

    MessageReader(DecodeLimits limits) {
        this.limits = limits;
    }

    // ---------------------------------------------------------------- envelope

    CwmpEnvelope read(XMLStreamReader2 reader) throws XMLStreamException {
        this.r = reader;
        toRootElement();
        if (!"Envelope".equals(r.getLocalName()) || !Namespaces.SOAP_ENV.equals(r.getNamespaceURI())) {
            String what = Namespaces.SOAP_ENV_12.equals(r.getNamespaceURI()) ? " (CWMP uses SOAP 1.1, not 1.2)" : "";
            throw error(Reason.NOT_A_SOAP_ENVELOPE, "the root element is {" + nsOrNone(r.getNamespaceURI()) + "}"
                    + r.getLocalName() + ", not a SOAP 1.1 Envelope" + what, null);
        }
        noteDeclaredNamespaces();
        CwmpHeaders headers = CwmpHeaders.NONE;
        CwmpMessage body = null;
        while (nextChild()) {
            String name = r.getLocalName();
            if ("Header".equals(name) && body == null) {
                noteDeclaredNamespaces();
                headers = readHeaders();
            } else if ("Body".equals(name) && body == null) {
                noteDeclaredNamespaces();
                body = readBody();
            } else {
                r.skipElement();
            }
        }
        if (body == null) {
            throw error(Reason.NOT_A_SOAP_ENVELOPE, "the Envelope has no Body", null);
        }
        toEndOfDocument();
        String namespace = cwmpNamespace != null ? cwmpNamespace : declaredCwmpNamespace;
        Optional<CwmpVersion> version = CwmpVersion.detect(namespace, headers);
        if (version.isEmpty()) {
            throw error(Reason.UNKNOWN_NAMESPACE, "no CWMP namespace in the envelope", null);
        }
        return new CwmpEnvelope(version.get(), headers, body);
    }

    private void toRootElement() throws XMLStreamException {
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT:
                    return;
                case XMLStreamConstants.DTD:
                    throw error(Reason.DOCTYPE_NOT_ALLOWED, "a DOCTYPE declaration is not allowed", null);
                case XMLStreamConstants.END_DOCUMENT:
                    throw error(Reason.NOT_A_SOAP_ENVELOPE, "the body holds no XML element", null);
                case XMLStreamConstants.CHARACTERS:
                    if (!r.isWhiteSpace()) {
                        throw error(Reason.MALFORMED_XML, "text before the root element", null);
                    }
                    break;
                default:
                    break;
            }
        }
    }

    /** Reads what follows the Envelope: only whitespace, comments and processing instructions may. */
    private void toEndOfDocument() throws XMLStreamException {
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.END_DOCUMENT:
                    return;
                case XMLStreamConstants.START_ELEMENT:
                    throw error(Reason.MALFORMED_XML, "content after the Envelope: " + r.getLocalName(), null);
                case XMLStreamConstants.CHARACTERS:
                    if (!r.isWhiteSpace()) {
                        throw error(Reason.MALFORMED_XML, "text after the Envelope", null);
                    }
                    break;
                case XMLStreamConstants.DTD:
                    throw error(Reason.DOCTYPE_NOT_ALLOWED, "a DOCTYPE declaration is not allowed", null);
                default:
                    break;
            }
        }
    }

    private void noteDeclaredNamespaces() {
        if (declaredCwmpNamespace != null) {
            return;
        }
        for (int i = 0, n = r.getNamespaceCount(); i < n; i++) {
            String uri = r.getNamespaceURI(i);
            if (CwmpVersion.fromNamespaceUri(uri).isPresent()) {
                declaredCwmpNamespace = uri;
                return;
            }
        }
    }

    private void noteCwmpNamespace(String uri) {
        if (cwmpNamespace == null && CwmpVersion.fromNamespaceUri(uri).isPresent()) {
            cwmpNamespace = uri;
        }
    }

    private CwmpHeaders readHeaders() throws XMLStreamException {
        CwmpHeaders.Builder headers = CwmpHeaders.builder();
        while (nextChild()) {
            String name = r.getLocalName();
            switch (name) {
                case "ID": {
                    noteCwmpNamespace(r.getNamespaceURI());
                    boolean mustUnderstand = mustUnderstand();
                    String id = readText().strip();
                    cwmpId = id;
                    headers.id(id).idMustUnderstand(mustUnderstand);
                    break;
                }
                case "HoldRequests":
                    noteCwmpNamespace(r.getNamespaceURI());
                    headers.holdRequests(readBoolean("HoldRequests"));
                    break;
                case "NoMoreRequests":
                    noteCwmpNamespace(r.getNamespaceURI());
                    headers.noMoreRequests(readBoolean("NoMoreRequests"));
                    break;
                case "SessionTimeout":
                    noteCwmpNamespace(r.getNamespaceURI());
                    headers.sessionTimeout((int) Math.min(Integer.MAX_VALUE, readUnsignedInt("SessionTimeout")));
                    break;
                case "SupportedCWMPVersions": {
                    noteCwmpNamespace(r.getNamespaceURI());
                    List<String> labels = new ArrayList<>();
                    for (String label : readText().split(",", 32)) {
                        if (!label.isBlank()) {
                            labels.add(label.strip());
                        }
                    }
                    headers.supportedCwmpVersions(labels);
                    break;
                }
                case "UseCWMPVersion": {
                    noteCwmpNamespace(r.getNamespaceURI());
                    String label = readText().strip();
                    if (!label.isEmpty()) {
                        headers.useCwmpVersion(label);
                    }
                    break;
                }
                default:
                    r.skipElement();
                    break;
            }
        }
        return headers.build();
    }

    private boolean mustUnderstand() {
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            if ("mustUnderstand".equals(r.getAttributeLocalName(i))) {
                String value = r.getAttributeValue(i).strip();
                return "1".equals(value) || "true".equalsIgnoreCase(value);
            }
        }
        return false;
    }

    private CwmpMessage readBody() throws XMLStreamException {
        CwmpMessage message = null;
        while (nextChild()) {
            if (message != null) {
                throw error(Reason.NOT_A_SOAP_ENVELOPE, "the Body holds more than one message: " + message.methodName()
                        + " and " + r.getLocalName(), null);
            }
            String namespace = r.getNamespaceURI();
            String name = r.getLocalName();
            if ("Fault".equals(name) && Namespaces.SOAP_ENV.equals(namespace)) {
                message = readSoapFault();
                continue;
            }
            boolean cwmp = CwmpVersion.fromNamespaceUri(namespace).isPresent();
            if (name.startsWith("X_")) {
                noteCwmpNamespace(namespace);
                message = new VendorMessage(readXmlElement());
                continue;
            }
            if (!cwmp) {
                boolean cwmpLike = namespace != null && namespace.startsWith(CwmpVersion.NAMESPACE_PREFIX);
                throw error(Reason.UNKNOWN_NAMESPACE, "the message " + name + " is in the namespace '"
                        + nsOrNone(namespace) + "', not a CWMP namespace this codec knows",
                        cwmpLike ? FaultCode.ACS_VERSION_INCOMPATIBLE : FaultCode.ACS_METHOD_NOT_SUPPORTED);
            }
            cwmpNamespace = namespace;
            message = readMethod(name);
        }
        if (message == null) {
            throw error(Reason.NOT_A_SOAP_ENVELOPE, "the Body holds no message", null);
        }
        return message;
    }

    private CwmpMessage readMethod(String name) throws XMLStreamException {
        try {
            switch (name) {
                case "Inform":
                    return readInform();
                case "InformResponse":
                    return new InformResponse(readSingleUnsignedInt("MaxEnvelopes"));
                case "GetParameterValues":
                    return new GetParameterValues(readStringArrayArgument("ParameterNames"));
                case "GetParameterValuesResponse":
                    return new GetParameterValuesResponse(readParameterValueListArgument());
                case "SetParameterValues":
                    return readSetParameterValues();
                case "SetParameterValuesResponse":
                    return new SetParameterValuesResponse(readSingleInt("Status"));
                case "GetParameterNames":
                    return readGetParameterNames();
                case "GetParameterNamesResponse":
                    return new GetParameterNamesResponse(readParameterInfoListArgument());
                case "GetRPCMethods":
                    r.skipElement();
                    return new GetRPCMethods();
                case "GetRPCMethodsResponse":
                    return new GetRPCMethodsResponse(readStringArrayArgument("MethodList"));
                case "SetParameterAttributes":
                    return new SetParameterAttributes(readSetParameterAttributesListArgument());
                case "SetParameterAttributesResponse":
                    r.skipElement();
                    return new SetParameterAttributesResponse();
                case "GetParameterAttributes":
                    return new GetParameterAttributes(readStringArrayArgument("ParameterNames"));
                case "GetParameterAttributesResponse":
                    return new GetParameterAttributesResponse(readParameterAttributeListArgument());
                case "AddObject":
                    return readAddObject();
                case "AddObjectResponse":
                    return readAddObjectResponse();
                case "DeleteObject":
                    return readDeleteObject();
                case "DeleteObjectResponse":
                    return new DeleteObjectResponse(readSingleInt("Status"));
                case "Reboot":
                    return new Reboot(readSingleString("CommandKey"));
                case "RebootResponse":
                    r.skipElement();
                    return new RebootResponse();
                case "Download":
                    return readDownload();
                case "DownloadResponse":
                    return readDownloadResponse();
                case "Upload":
                    return readUpload();
                case "UploadResponse":
                    return readUploadResponse();
                case "FactoryReset":
                    r.skipElement();
                    return new FactoryReset();
                case "FactoryResetResponse":
                    r.skipElement();
                    return new FactoryResetResponse();
                case "GetQueuedTransfers":
                    r.skipElement();
                    return new GetQueuedTransfers();
                case "GetQueuedTransfersResponse":
                    return readGetQueuedTransfersResponse();
                case "GetAllQueuedTransfers":
                    r.skipElement();
                    return new GetAllQueuedTransfers();
                case "GetAllQueuedTransfersResponse":
                    return readGetAllQueuedTransfersResponse();
                case "ScheduleInform":
                    return readScheduleInform();
                case "ScheduleInformResponse":
                    r.skipElement();
                    return new ScheduleInformResponse();
                case "SetVouchers":
                    return new SetVouchers(new VoucherList(readStringArrayArgument("VoucherList")));
                case "SetVouchersResponse":
                    r.skipElement();
                    return new SetVouchersResponse();
                case "GetOptions":
                    return new GetOptions(readSingleString("OptionName"));
                case "GetOptionsResponse":
                    return readGetOptionsResponse();
                case "ScheduleDownload":
                    return readScheduleDownload();
                case "ScheduleDownloadResponse":
                    r.skipElement();
                    return new ScheduleDownloadResponse();
                case "CancelTransfer":
                    return new CancelTransfer(readSingleString("CommandKey"));
                case "CancelTransferResponse":
                    r.skipElement();
                    return new CancelTransferResponse();
                case "ChangeDUState":
                    return readChangeDUState();
                case "ChangeDUStateResponse":
                    r.skipElement();
                    return new ChangeDUStateResponse();
                case "TransferComplete":
                    return readTransferComplete();
                case "TransferCompleteResponse":
                    r.skipElement();
                    return new TransferCompleteResponse();
                case "AutonomousTransferComplete":
                    return readAutonomousTransferComplete();
                case "AutonomousTransferCompleteResponse":
                    r.skipElement();
                    return new AutonomousTransferCompleteResponse();
                case "DUStateChangeComplete":
                    return readDUStateChangeComplete();
                case "DUStateChangeCompleteResponse":
                    r.skipElement();
                    return new DUStateChangeCompleteResponse();
                case "AutonomousDUStateChangeComplete":
                    return readAutonomousDUStateChangeComplete();
                case "AutonomousDUStateChangeCompleteResponse":
                    r.skipElement();
                    return new AutonomousDUStateChangeCompleteResponse();
                case "RequestDownload":
                    return readRequestDownload();
                case "RequestDownloadResponse":
                    r.skipElement();
                    return new RequestDownloadResponse();
                case "Kicked":
                    return readKicked();
                case "KickedResponse":
                    return new KickedResponse(readSingleString("NextURL"));
                default:
                    throw error(Reason.UNKNOWN_METHOD, "unknown method " + name, null);
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw error(Reason.INVALID_ARGUMENT, "invalid " + name + ": " + e.getMessage(), null, e);
        }
    }

    // ---------------------------------------------------------------- messages

    private Inform readInform() throws XMLStreamException {
        DeviceIdStruct deviceId = null;
        List<EventStruct> events = List.of();
        long maxEnvelopes = 1;
        Instant currentTime = CwmpTimes.UNKNOWN;
        long retryCount = 0;
        List<ParameterValueStruct> parameters = List.of();
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "DeviceId":
                    deviceId = readDeviceId();
                    break;
                case "Event":
                    events = readEventList();
                    break;
                case "MaxEnvelopes":
                    maxEnvelopes = readUnsignedInt("MaxEnvelopes");
                    break;
                case "CurrentTime":
                    currentTime = readTime();
                    break;
                case "RetryCount":
                    retryCount = readUnsignedInt("RetryCount");
                    break;
                case "ParameterList":
                    parameters = readParameterValueList();
                    break;
                default:
                    r.skipElement();
                    break;
            }
        }
        if (deviceId == null) {
            throw error(Reason.INVALID_ARGUMENT, "Inform without DeviceId", null);
        }
        return new Inform(deviceId, events, maxEnvelopes, currentTime, retryCount, parameters);
    }

    private DeviceIdStruct readDeviceId() throws XMLStreamException {
        String manufacturer = "";
        String oui = "";
        String productClass = "";
        String serialNumber = "";
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "Manufacturer":
                    manufacturer = readText();
                    break;
                case "OUI":
                    oui = readText().strip();
                    break;
                case "ProductClass":
                    productClass = readText();
                    break;
                case "SerialNumber":
                    serialNumber = readText();
                    break;
                default:
                    r.skipElement();
                    break;
            }
        }
        return new DeviceIdStruct(manufacturer, oui, productClass, serialNumber);
    }

    private List<EventStruct> readEventList() throws XMLStreamException {
        List<EventStruct> events = new ArrayList<>(4);
        while (nextItem(events.size())) {
            String code = "";
            String commandKey = "";
            while (nextChild()) {
                switch (r.getLocalName()) {
                    case "EventCode":
                        code = readText().strip();
                        break;
                    case "CommandKey":
                        commandKey = readText();
                        break;
                    default:
                        r.skipElement();
                        break;
                }
            }
            events.add(new EventStruct(code, commandKey));
        }
        return events;
    }

    private SetParameterValues readSetParameterValues() throws XMLStreamException {
        List<ParameterValueStruct> parameters = List.of();
        String parameterKey = "";
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "ParameterList":
                    parameters = readParameterValueList();
                    break;
                case "ParameterKey":
                    parameterKey = readText();
                    break;
                default:
                    r.skipElement();
                    break;
            }
        }
        return new SetParameterValues(parameters, parameterKey);
    }

    private GetParameterNames readGetParameterNames() throws XMLStreamException {
        String path = "";
        boolean nextLevel = false;
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "ParameterPath":
                    path = readText().strip();
                    break;
                case "NextLevel":
                    nextLevel = readBoolean("NextLevel");
                    break;
                default:
                    r.skipElement();
                    break;
            }
        }
        return new GetParameterNames(path, nextLevel);
    }

    private AddObject readAddObject() throws XMLStreamException {
        String objectName = "";
        String parameterKey = "";
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "ObjectName":
                    objectName = readText().strip();
                    break;
                case "ParameterKey":
                    parameterKey = readText();
                    break;
                default:
                    r.skipElement();
                    break;
            }
        }
        return new AddObject(objectName, parameterKey);
    }

    private AddObjectResponse readAddObjectResponse() throws XMLStreamException {
        long instanceNumber = 0;
        int status = 0;
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "InstanceNumber":
                    instanceNumber = readUnsignedInt("InstanceNumber");
                    break;
                case "Status":
                    status = readInt("Status");
                    break;
                default:
                    r.skipElement();
                    break;
            }
        }
        return new AddObjectResponse(instanceNumber, status);
    }

    private DeleteObject readDeleteObject() throws XMLStreamException {
        String objectName = "";
        String parameterKey = "";
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "ObjectName":
                    objectName = readText().strip();
                    break;
                case "ParameterKey":
                    parameterKey = readText();
                    break;
                default:
                    r.skipElement();
                    break;
            }
        }
        return new DeleteObject(objectName, parameterKey);
    }

    private Download readDownload() throws XMLStreamException {
        Map<String, String> args = readFlatArguments();
        return new Download(arg(args, "CommandKey"), arg(args, "FileType").strip(), arg(args, "URL").strip(),
                arg(args, "Username"), arg(args, "Password"), unsignedIntArg(args, "FileSize"),
                arg(args, "TargetFileName"), unsignedIntArg(args, "DelaySeconds"), arg(args, "SuccessURL").strip(),
                arg(args, "FailureURL").strip());
    }

    private DownloadResponse readDownloadResponse() throws XMLStreamException {
        Map<String, String> args = readFlatArguments();
        return new DownloadResponse(intArg(args, "Status"), timeArg(args, "StartTime"), timeArg(args, "CompleteTime"));
    }

    private Upload readUpload() throws XMLStreamException {
        Map<String, String> args = readFlatArguments();
        return new Upload(arg(args, "CommandKey"), arg(args, "FileType").strip(), arg(args, "URL").strip(),
                arg(args, "Username"), arg(args, "Password"), unsignedIntArg(args, "DelaySeconds"));
    }

    private UploadResponse readUploadResponse() throws XMLStreamException {
        Map<String, String> args = readFlatArguments();
        return new UploadResponse(intArg(args, "Status"), timeArg(args, "StartTime"), timeArg(args, "CompleteTime"));
    }

    private ScheduleInform readScheduleInform() throws XMLStreamException {
        Map<String, String> args = readFlatArguments();
        return new ScheduleInform(unsignedIntArg(args, "DelaySeconds"), arg(args, "CommandKey"));
    }

    private Kicked readKicked() throws XMLStreamException {
        Map<String, String> args = readFlatArguments();
        return new Kicked(arg(args, "Command"), arg(args, "Referer"), arg(args, "Arg"), arg(args, "Next"));
    }

    private GetQueuedTransfersResponse readGetQueuedTransfersResponse() throws XMLStreamException {
        List<QueuedTransferStruct> transfers = new ArrayList<>();
        while (nextChild()) {
            if (!"TransferList".equals(r.getLocalName())) {
                r.skipElement();
                continue;
            }
            while (nextItem(transfers.size())) {
                Map<String, String> f = readFlatArguments();
                transfers.add(new QueuedTransferStruct(arg(f, "CommandKey"), intArg(f, "State")));
            }
        }
        return new GetQueuedTransfersResponse(transfers);
    }

    private GetAllQueuedTransfersResponse readGetAllQueuedTransfersResponse() throws XMLStreamException {
        List<AllQueuedTransferStruct> transfers = new ArrayList<>();
        while (nextChild()) {
            if (!"TransferList".equals(r.getLocalName())) {
                r.skipElement();
                continue;
            }
            while (nextItem(transfers.size())) {
                Map<String, String> f = readFlatArguments();
                transfers.add(new AllQueuedTransferStruct(arg(f, "CommandKey"), intArg(f, "State"),
                        booleanArg(f, "IsDownload"), arg(f, "FileType").strip(), unsignedIntArg(f, "FileSize"),
                        arg(f, "TargetFileName")));
            }
        }
        return new GetAllQueuedTransfersResponse(transfers);
    }

    private GetOptionsResponse readGetOptionsResponse() throws XMLStreamException {
        List<OptionStruct> options = new ArrayList<>();
        while (nextChild()) {
            if (!"OptionList".equals(r.getLocalName())) {
                r.skipElement();
                continue;
            }
            while (nextItem(options.size())) {
                Map<String, String> f = readFlatArguments();
                String expiration = f.get("ExpirationDate");
                options.add(new OptionStruct(arg(f, "OptionName"), unsignedIntArg(f, "VoucherSN"), intArg(f, "State"),
                        intArg(f, "Mode"), timeArg(f, "StartDate"),
                        expiration == null ? Optional.empty() : Optional.of(CwmpTimes.parse(expiration)),
                        booleanArg(f, "IsTransferable")));
            }
        }
        return new GetOptionsResponse(options);
    }

    private ScheduleDownload readScheduleDownload() throws XMLStreamException {
        Map<String, String> args = new HashMap<>();
        List<TimeWindowStruct> windows = new ArrayList<>(2);
        while (nextChild()) {
            String name = r.getLocalName();
            if ("TimeWindowList".equals(name)) {
                while (nextItem(windows.size())) {
                    Map<String, String> f = readFlatArguments();
                    windows.add(new TimeWindowStruct(unsignedIntArg(f, "WindowStart"), unsignedIntArg(f, "WindowEnd"),
                            arg(f, "WindowMode").strip(), arg(f, "UserMessage"), intArg(f, "MaxRetries")));
                }
            } else {
                args.put(name, readText());
            }
        }
        return new ScheduleDownload(arg(args, "CommandKey"), arg(args, "FileType").strip(), arg(args, "URL").strip(),
                arg(args, "Username"), arg(args, "Password"), unsignedIntArg(args, "FileSize"),
                arg(args, "TargetFileName"), windows);
    }

    private ChangeDUState readChangeDUState() throws XMLStreamException {
        List<OperationStruct> operations = new ArrayList<>();
        Optional<String> commandKey = Optional.empty();
        while (nextChild()) {
            String name = r.getLocalName();
            if ("Operations".equals(name)) {
                readOperations(operations, xsiTypeLocalName());
            } else if ("CommandKey".equals(name)) {
                commandKey = Optional.of(readText());
            } else {
                r.skipElement();
            }
        }
        return new ChangeDUState(operations, commandKey);
    }

    /**
     * Reads one {@code Operations} element: an operation as the schema writes it (its kind in
     * {@code xsi:type}), or an array wrapper of {@code InstallOpStruct}/... items as some implementations
     * write it.
     */
    private void readOperations(List<OperationStruct> operations, String type) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        boolean wrapper = false;
        while (nextChild()) {
            String name = r.getLocalName();
            if (name.endsWith("OpStruct")) {
                wrapper = true;
                String itemType = xsiTypeLocalName();
                readOperations(operations, itemType != null ? itemType : name);
            } else {
                fields.put(name, readText());
            }
        }
        if (!wrapper) {
            checkItemCount(operations.size());
            operations.add(operation(type, fields));
        }
    }

    private OperationStruct operation(String type, Map<String, String> f) throws CwmpDecodeException {
        String kind = type == null ? "" : type;
        if (!kind.endsWith("OpStruct")) {
            // No usable xsi:type: infer the kind from the fields present.
            if (f.containsKey("URL") && !f.containsKey("Version") && !f.containsKey("UUID")) {
                kind = "InstallOpStruct";
            } else if (f.containsKey("UUID") && !f.containsKey("URL") && !f.containsKey("Username")) {
                kind = "UninstallOpStruct";
            } else {
                kind = "UpdateOpStruct";
            }
        }
        switch (kind) {
            case "InstallOpStruct":
                return new InstallOpStruct(arg(f, "URL").strip(), opt(f, "UUID"), opt(f, "Username"),
                        opt(f, "Password"), opt(f, "ExecutionEnvRef"));
            case "UninstallOpStruct":
                return new UninstallOpStruct(arg(f, "UUID").strip(), opt(f, "Version"), opt(f, "ExecutionEnvRef"));
            case "UpdateOpStruct":
                return new UpdateOpStruct(opt(f, "UUID"), opt(f, "Version"), opt(f, "URL"), opt(f, "Username"),
                        opt(f, "Password"));
            default:
                throw error(Reason.INVALID_ARGUMENT, "unknown ChangeDUState operation type " + kind, null);
        }
    }

    private TransferComplete readTransferComplete() throws XMLStreamException {
        Map<String, String> args = new HashMap<>();
        FaultStruct fault = FaultStruct.SUCCESS;
        while (nextChild()) {
            String name = r.getLocalName();
            if ("FaultStruct".equals(name)) {
                fault = readFaultStruct();
            } else {
                args.put(name, readText());
            }
        }
        return new TransferComplete(arg(args, "CommandKey"), fault, timeArg(args, "StartTime"),
                timeArg(args, "CompleteTime"));
    }

    private AutonomousTransferComplete readAutonomousTransferComplete() throws XMLStreamException {
        Map<String, String> args = new HashMap<>();
        FaultStruct fault = FaultStruct.SUCCESS;
        while (nextChild()) {
            String name = r.getLocalName();
            if ("FaultStruct".equals(name)) {
                fault = readFaultStruct();
            } else {
                args.put(name, readText());
            }
        }
        return new AutonomousTransferComplete(arg(args, "AnnounceURL").strip(), arg(args, "TransferURL").strip(),
                booleanArg(args, "IsDownload"), arg(args, "FileType").strip(), unsignedIntArg(args, "FileSize"),
                arg(args, "TargetFileName"), fault, timeArg(args, "StartTime"), timeArg(args, "CompleteTime"));
    }

    private FaultStruct readFaultStruct() throws XMLStreamException {
        Map<String, String> f = readFlatArguments();
        return new FaultStruct(intArg(f, "FaultCode"), arg(f, "FaultString"));
    }

    private DUStateChangeComplete readDUStateChangeComplete() throws XMLStreamException {
        List<OpResultStruct> results = new ArrayList<>();
        Optional<String> commandKey = Optional.empty();
        while (nextChild()) {
            String name = r.getLocalName();
            if ("Results".equals(name)) {
                readResults(results, null);
            } else if ("CommandKey".equals(name)) {
                commandKey = Optional.of(readText());
            } else {
                r.skipElement();
            }
        }
        return new DUStateChangeComplete(results, commandKey);
    }

    private AutonomousDUStateChangeComplete readAutonomousDUStateChangeComplete() throws XMLStreamException {
        List<OpResultStruct> results = new ArrayList<>();
        List<String> operations = new ArrayList<>();
        while (nextChild()) {
            if ("Results".equals(r.getLocalName())) {
                readResults(results, operations);
            } else {
                r.skipElement();
            }
        }
        List<AutonOpResultStruct> autonomous = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            autonomous.add(new AutonOpResultStruct(results.get(i), operations.get(i)));
        }
        return new AutonomousDUStateChangeComplete(autonomous);
    }

    /**
     * Reads one {@code Results} element: a result struct as the schema writes it, or an array wrapper of
     * {@code OpResultStruct}/{@code AutonOpResultStruct} items as some implementations write it.
     */
    private void readResults(List<OpResultStruct> results, List<String> operations) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        FaultStruct fault = FaultStruct.SUCCESS;
        boolean wrapper = false;
        while (nextChild()) {
            String name = r.getLocalName();
            if (name.endsWith("OpResultStruct")) {
                wrapper = true;
                checkItemCount(results.size());
                readResults(results, operations);
            } else if ("Fault".equals(name)) {
                fault = readFaultStruct();
            } else {
                fields.put(name, readText());
            }
        }
        if (wrapper) {
            return;
        }
        checkItemCount(results.size());
        results.add(new OpResultStruct(arg(fields, "UUID").strip(), arg(fields, "DeploymentUnitRef"),
                arg(fields, "Version"), arg(fields, "CurrentState").strip(), booleanArg(fields, "Resolved"),
                arg(fields, "ExecutionUnitRefList"), timeArg(fields, "StartTime"), timeArg(fields, "CompleteTime"),
                fault));
        if (operations != null) {
            operations.add(arg(fields, "OperationPerformed").strip());
        }
    }

    private RequestDownload readRequestDownload() throws XMLStreamException {
        String fileType = "";
        List<ArgStruct> args = new ArrayList<>();
        while (nextChild()) {
            String name = r.getLocalName();
            if ("FileType".equals(name)) {
                fileType = readText().strip();
            } else if ("FileTypeArg".equals(name)) {
                while (nextItem(args.size())) {
                    Map<String, String> f = readFlatArguments();
                    args.add(new ArgStruct(arg(f, "Name"), arg(f, "Value")));
                }
            } else {
                r.skipElement();
            }
        }
        return new RequestDownload(fileType, args);
    }

    // ---------------------------------------------------------------- lists and structs

    private List<String> readStringArrayArgument(String element) throws XMLStreamException {
        List<String> items = List.of();
        while (nextChild()) {
            if (element.equals(r.getLocalName())) {
                items = readStringArray();
            } else {
                r.skipElement();
            }
        }
        return items;
    }

    private List<String> readStringArray() throws XMLStreamException {
        List<String> items = new ArrayList<>();
        while (nextItem(items.size())) {
            items.add(readText().strip());
        }
        return items;
    }

    private List<ParameterValueStruct> readParameterValueListArgument() throws XMLStreamException {
        List<ParameterValueStruct> items = List.of();
        while (nextChild()) {
            if ("ParameterList".equals(r.getLocalName())) {
                items = readParameterValueList();
            } else {
                r.skipElement();
            }
        }
        return items;
    }

    private List<ParameterValueStruct> readParameterValueList() throws XMLStreamException {
        List<ParameterValueStruct> items = new ArrayList<>(32);
        while (nextItem(items.size())) {
            String name = "";
            String value = "";
            XsdType type = XsdType.UNSPECIFIED;
            while (nextChild()) {
                String field = r.getLocalName();
                if ("Name".equals(field)) {
                    name = readText().strip();
                } else if ("Value".equals(field)) {
                    String xsiType = xsiType();
                    type = xsiType == null ? XsdType.UNSPECIFIED : XsdType.fromWireName(xsiType);
                    value = readText();
                } else {
                    r.skipElement();
                }
            }
            items.add(new ParameterValueStruct(name, value, type));
        }
        return items;
    }

    private List<ParameterInfoStruct> readParameterInfoListArgument() throws XMLStreamException {
        List<ParameterInfoStruct> items = new ArrayList<>(32);
        while (nextChild()) {
            if (!"ParameterList".equals(r.getLocalName())) {
                r.skipElement();
                continue;
            }
            while (nextItem(items.size())) {
                String name = "";
                boolean writable = false;
                while (nextChild()) {
                    String field = r.getLocalName();
                    if ("Name".equals(field)) {
                        name = readText().strip();
                    } else if ("Writable".equals(field)) {
                        writable = readBoolean("Writable");
                    } else {
                        r.skipElement();
                    }
                }
                items.add(new ParameterInfoStruct(name, writable));
            }
        }
        return items;
    }

    private List<SetParameterAttributesStruct> readSetParameterAttributesListArgument() throws XMLStreamException {
        List<SetParameterAttributesStruct> items = new ArrayList<>();
        while (nextChild()) {
            if (!"ParameterList".equals(r.getLocalName())) {
                r.skipElement();
                continue;
            }
            while (nextItem(items.size())) {
                String name = "";
                boolean notificationChange = false;
                int notification = 0;
                boolean accessListChange = false;
                List<String> accessList = List.of();
                while (nextChild()) {
                    switch (r.getLocalName()) {
                        case "Name":
                            name = readText().strip();
                            break;
                        case "NotificationChange":
                            notificationChange = readBoolean("NotificationChange");
                            break;
                        case "Notification":
                            notification = readInt("Notification");
                            break;
                        case "AccessListChange":
                            accessListChange = readBoolean("AccessListChange");
                            break;
                        case "AccessList":
                            accessList = readStringArray();
                            break;
                        default:
                            r.skipElement();
                            break;
                    }
                }
                items.add(new SetParameterAttributesStruct(name, notificationChange, notification, accessListChange,
                        accessList));
            }
        }
        return items;
    }

    private List<ParameterAttributeStruct> readParameterAttributeListArgument() throws XMLStreamException {
        List<ParameterAttributeStruct> items = new ArrayList<>();
        while (nextChild()) {
            if (!"ParameterList".equals(r.getLocalName())) {
                r.skipElement();
                continue;
            }
            while (nextItem(items.size())) {
                String name = "";
                int notification = 0;
                List<String> accessList = List.of();
                while (nextChild()) {
                    switch (r.getLocalName()) {
                        case "Name":
                            name = readText().strip();
                            break;
                        case "Notification":
                            notification = readInt("Notification");
                            break;
                        case "AccessList":
                            accessList = readStringArray();
                            break;
                        default:
                            r.skipElement();
                            break;
                    }
                }
                items.add(new ParameterAttributeStruct(name, notification, accessList));
            }
        }
        return items;
    }

    /** Reads the leaf children of the current element into a map (later duplicates win; structures skipped). */
    private Map<String, String> readFlatArguments() throws XMLStreamException {
        Map<String, String> args = new HashMap<>();
        while (nextChild()) {
            args.put(r.getLocalName(), readText());
        }
        return args;
    }

    private String readSingleString(String element) throws XMLStreamException {
        String value = "";
        while (nextChild()) {
            if (element.equals(r.getLocalName())) {
                value = readText();
            } else {
                r.skipElement();
            }
        }
        return value;
    }

    private long readSingleUnsignedInt(String element) throws XMLStreamException {
        long value = 0;
        while (nextChild()) {
            if (element.equals(r.getLocalName())) {
                value = readUnsignedInt(element);
            } else {
                r.skipElement();
            }
        }
        return value;
    }

    private int readSingleInt(String element) throws XMLStreamException {
        int value = 0;
        while (nextChild()) {
            if (element.equals(r.getLocalName())) {
                value = readInt(element);
            } else {
                r.skipElement();
            }
        }
        return value;
    }

    // ---------------------------------------------------------------- SOAP fault

    private CwmpFault readSoapFault() throws XMLStreamException {
        String faultcode = "";
        String faultstring = "";
        CwmpFault detail = null;
        while (nextChild()) {
            String name = r.getLocalName();
            switch (name) {
                case "faultcode": {
                    faultcode = readText().strip();
                    int colon = faultcode.indexOf(':');
                    if (colon >= 0) {
                        faultcode = faultcode.substring(colon + 1);
                    }
                    break;
                }
                case "faultstring": {
                    // One C implementation nests <detail> inside <faultstring>.
                    StringBuilder sb = new StringBuilder();
                    while (true) {
                        int event = r.next();
                        if (event == XMLStreamConstants.END_ELEMENT) {
                            break;
                        }
                        if (event == XMLStreamConstants.START_ELEMENT) {
                            if ("detail".equalsIgnoreCase(r.getLocalName())) {
                                detail = readFaultDetail();
                            } else {
                                r.skipElement();
                            }
                        } else if (isText(event)) {
                            appendText(sb);
                        } else {
                            checkEvent(event);
                        }
                    }
                    faultstring = sb.toString().strip();
                    break;
                }
                case "detail":
                case "Detail":
                    detail = readFaultDetail();
                    break;
                default:
                    r.skipElement();
                    break;
            }
        }
        if (detail == null) {
            throw error(Reason.INVALID_ARGUMENT, "SOAP Fault without a cwmp:Fault detail (faultcode '" + faultcode
                    + "', faultstring '" + faultstring + "')", null);
        }
        try {
            return new CwmpFault(faultcode, faultstring, detail.faultCode(), detail.faultString(),
                    detail.setParameterValuesFaults());
        } catch (IllegalArgumentException e) {
            throw error(Reason.INVALID_ARGUMENT, "invalid Fault: " + e.getMessage(), null, e);
        }
    }

    private CwmpFault readFaultDetail() throws XMLStreamException {
        CwmpFault fault = null;
        while (nextChild()) {
            if ("Fault".equals(r.getLocalName()) && fault == null) {
                noteCwmpNamespace(r.getNamespaceURI());
                fault = readCwmpFault();
            } else {
                r.skipElement();
            }
        }
        return fault;
    }

    private CwmpFault readCwmpFault() throws XMLStreamException {
        int code = -1;
        String faultString = "";
        List<SetParameterValuesFault> faults = new ArrayList<>();
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "FaultCode":
                    code = readInt("FaultCode");
                    break;
                case "FaultString":
                    faultString = readText();
                    break;
                case "SetParameterValuesFault": {
                    checkItemCount(faults.size());
                    Map<String, String> f = readFlatArguments();
                    try {
                        faults.add(new SetParameterValuesFault(arg(f, "ParameterName").strip(),
                                intArg(f, "FaultCode"), arg(f, "FaultString")));
                    } catch (IllegalArgumentException e) {
                        throw error(Reason.INVALID_ARGUMENT, "invalid SetParameterValuesFault: " + e.getMessage(),
                                null, e);
                    }
                    break;
                }
                default:
                    r.skipElement();
                    break;
            }
        }
        if (code < 0) {
            throw error(Reason.INVALID_ARGUMENT, "cwmp:Fault without FaultCode", null);
        }
        return new CwmpFault("Server", CwmpFault.CWMP_FAULT, code, faultString, faults);
    }

    // ---------------------------------------------------------------- vendor XML

    private XmlElement readXmlElement() throws XMLStreamException {
        String namespace = nsOrNone(r.getNamespaceURI());
        String localName = r.getLocalName();
        Map<String, String> attributes = Map.of();
        int attributeCount = r.getAttributeCount();
        if (attributeCount > 0) {
            attributes = new HashMap<>();
            for (int i = 0; i < attributeCount; i++) {
                String attributeNs = r.getAttributeNamespace(i);
                String key = attributeNs == null || attributeNs.isEmpty() ? r.getAttributeLocalName(i)
                        : "{" + attributeNs + "}" + r.getAttributeLocalName(i);
                attributes.put(key, r.getAttributeValue(i));
            }
        }
        StringBuilder sb = new StringBuilder();
        List<XmlElement> children = new ArrayList<>();
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                checkItemCount(children.size());
                children.add(readXmlElement());
            } else if (isText(event)) {
                appendText(sb);
            } else {
                checkEvent(event);
            }
        }
        String content = sb.toString();
        if (!children.isEmpty() && content.isBlank()) {
            content = "";
        }
        return new XmlElement(namespace, localName, attributes, content, children);
    }

    // ---------------------------------------------------------------- primitives

    /**
     * Moves to the next child element of the current element: true at its START_ELEMENT, false at the
     * parent's END_ELEMENT. Text, comments and processing instructions between elements are skipped.
     */
    private boolean nextChild() throws XMLStreamException {
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            checkEvent(event);
        }
    }

    /** {@link #nextChild()} for an array item, enforcing {@link DecodeLimits#maxListItems()}. */
    private boolean nextItem(int itemsSoFar) throws XMLStreamException {
        if (!nextChild()) {
            return false;
        }
        checkItemCount(itemsSoFar);
        return true;
    }

    private void checkItemCount(int itemsSoFar) throws CwmpDecodeException {
        if (itemsSoFar >= limits.maxListItems()) {
            throw error(Reason.TOO_MANY_ITEMS, "more than " + limits.maxListItems() + " items in the list "
                    + r.getLocalName(), null);
        }
    }

    private void checkEvent(int event) throws CwmpDecodeException {
        switch (event) {
            case XMLStreamConstants.DTD:
                throw error(Reason.DOCTYPE_NOT_ALLOWED, "a DOCTYPE declaration is not allowed", null);
            case XMLStreamConstants.ENTITY_REFERENCE:
                throw error(Reason.MALFORMED_XML, "undeclared entity reference &" + r.getLocalName() + ";", null);
            case XMLStreamConstants.END_DOCUMENT:
                throw error(Reason.MALFORMED_XML, "unexpected end of the document", null);
            default:
                break;
        }
    }

    private static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE;
    }

    /**
     * Reads the text content of the current element up to its END_ELEMENT; nested elements are
     * skipped, comments ignored.
     */
    private String readText() throws XMLStreamException {
        int event = r.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
            return "";
        }
        if (isText(event)) {
            String first = r.getText();
            event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                checkTextLength(first.length());
                return first;
            }
            StringBuilder sb = builder();
            sb.append(first);
            return readTextRest(sb, event);
        }
        return readTextRest(builder(), event);
    }

    private String readTextRest(StringBuilder sb, int firstEvent) throws XMLStreamException {
        int event = firstEvent;
        while (event != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                r.skipElement();
            } else if (isText(event)) {
                appendText(sb);
            } else {
                checkEvent(event);
            }
            event = r.next();
        }
        return sb.toString();
    }

    private void appendText(StringBuilder sb) throws CwmpDecodeException {
        sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
        checkTextLength(sb.length());
    }

    private void checkTextLength(int length) throws CwmpDecodeException {
        if (length > limits.maxTextLength()) {
            throw error(Reason.TEXT_TOO_LONG, "text of " + r.getLocalName() + " longer than "
                    + limits.maxTextLength() + " characters", null);
        }
    }

    private StringBuilder builder() {
        if (text == null) {
            text = new StringBuilder(64);
        }
        text.setLength(0);
        return text;
    }

    private String xsiType() {
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            if ("type".equals(r.getAttributeLocalName(i)) && Namespaces.isXsi(r.getAttributeNamespace(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private String xsiTypeLocalName() {
        String type = xsiType();
        if (type == null) {
            return null;
        }
        type = type.strip();
        int colon = type.indexOf(':');
        return colon >= 0 ? type.substring(colon + 1) : type;
    }

    private boolean readBoolean(String field) throws XMLStreamException {
        return parseBoolean(field, readText());
    }

    private boolean parseBoolean(String field, String raw) throws CwmpDecodeException {
        String value = raw.strip();
        if (value.isEmpty() || "0".equals(value) || "false".equalsIgnoreCase(value)) {
            return false;
        }
        if ("1".equals(value) || "true".equalsIgnoreCase(value)) {
            return true;
        }
        throw error(Reason.INVALID_ARGUMENT, field + " is not a boolean: '" + abbreviate(value) + "'", null);
    }

    private long readUnsignedInt(String field) throws XMLStreamException {
        return parseUnsignedInt(field, readText());
    }

    private long parseUnsignedInt(String field, String raw) throws CwmpDecodeException {
        long value = parseLong(field, raw);
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw error(Reason.INVALID_ARGUMENT, field + " is not an unsignedInt: '" + abbreviate(raw.strip()) + "'",
                    null);
        }
        return value;
    }

    private int readInt(String field) throws XMLStreamException {
        return parseInt(field, readText());
    }

    private int parseInt(String field, String raw) throws CwmpDecodeException {
        long value = parseLong(field, raw);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw error(Reason.INVALID_ARGUMENT, field + " is not an int: '" + abbreviate(raw.strip()) + "'", null);
        }
        return (int) value;
    }

    /** Blank is 0 (devices leave optional numbers empty); anything else must be a decimal integer. */
    private long parseLong(String field, String raw) throws CwmpDecodeException {
        String value = raw.strip();
        if (value.isEmpty()) {
            return 0;
        }
        int n = value.length();
        int i = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
        if (i == n || n - i > 18) {
            throw error(Reason.INVALID_ARGUMENT, field + " is not a number: '" + abbreviate(value) + "'", null);
        }
        long result = 0;
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw error(Reason.INVALID_ARGUMENT, field + " is not a number: '" + abbreviate(value) + "'", null);
            }
            result = result * 10 + (c - '0');
        }
        return value.charAt(0) == '-' ? -result : result;
    }

    private Instant readTime() throws XMLStreamException {
        return CwmpTimes.parse(readText());
    }

    private static String arg(Map<String, String> args, String name) {
        String value = args.get(name);
        return value == null ? "" : value;
    }

    private static Optional<String> opt(Map<String, String> args, String name) {
        return Optional.ofNullable(args.get(name));
    }

    private long unsignedIntArg(Map<String, String> args, String name) throws CwmpDecodeException {
        return parseUnsignedInt(name, arg(args, name));
    }

    private int intArg(Map<String, String> args, String name) throws CwmpDecodeException {
        return parseInt(name, arg(args, name));
    }

    private boolean booleanArg(Map<String, String> args, String name) throws CwmpDecodeException {
        return parseBoolean(name, arg(args, name));
    }

    private static Instant timeArg(Map<String, String> args, String name) {
        return CwmpTimes.parse(arg(args, name));
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    private static String nsOrNone(String namespace) {
        return namespace == null ? "" : namespace;
    }

    // ---------------------------------------------------------------- errors

    CwmpDecodeException error(Reason reason, String message, FaultCode fault) {
        return error(reason, message, fault, null);
    }

    private CwmpDecodeException error(Reason reason, String message, FaultCode fault, Throwable cause) {
        return new CwmpDecodeException(reason, message + where(r == null ? null : safeLocation()), cwmpId,
                version(), fault, cause);
    }

    private Location safeLocation() {
        try {
            return r.getLocation();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private CwmpVersion version() {
        String namespace = cwmpNamespace != null ? cwmpNamespace : declaredCwmpNamespace;
        return CwmpVersion.fromNamespaceUri(namespace).orElse(null);
    }

    private static String where(Location location) {
        if (location == null || location.getLineNumber() < 0) {
            return "";
        }
        return " (at " + location.getLineNumber() + ":" + location.getColumnNumber() + ")";
    }

    /** Turns a parser failure into a decode exception with the right reason. */
    CwmpDecodeException translate(Throwable failure, XMLStreamReader2 reader) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LimitedInputStream.BodyTooLargeException) {
                return new CwmpDecodeException(Reason.BODY_TOO_LARGE, "the body is larger than "
                        + limits.maxBytes() + " bytes", cwmpId, version(), null, failure);
            }
            if (t == t.getCause()) {
                break;
            }
        }
        if (!(failure instanceof XMLStreamException)) {
            if (failure instanceof java.io.UncheckedIOException || failure.getCause() instanceof java.io.IOException) {
                return new CwmpDecodeException(Reason.IO_ERROR, "could not read the body: " + failure.getMessage(),
                        cwmpId, version(), null, failure);
            }
            return new CwmpDecodeException(Reason.MALFORMED_XML, "could not decode the body: " + failure,
                    cwmpId, version(), null, failure);
        }
        XMLStreamException e = (XMLStreamException) failure;
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        Reason reason;
        if (lower.contains("element depth")) {
            reason = Reason.TOO_DEEP;
        } else if (lower.contains("element count") || lower.contains("child elements")
                || lower.startsWith("attribute limit")) {
            reason = Reason.TOO_MANY_ITEMS;
        } else if (lower.contains("text size") || lower.contains("text length") || lower.contains("attribute size")) {
            reason = Reason.TEXT_TOO_LONG;
        } else if (lower.contains("document characters")) {
            reason = Reason.BODY_TOO_LARGE;
        } else if (lower.contains("doctype") || lower.contains("dtd") || lower.contains("entity expansion")) {
            reason = Reason.DOCTYPE_NOT_ALLOWED;
        } else if (lower.contains("unrecognized xml directive")) {
            // <!DOCTYPE (or another <!... declaration) inside the document
            reason = Reason.DOCTYPE_NOT_ALLOWED;
            message = "a DOCTYPE or other markup declaration is not allowed here: " + message;
        } else if (e.getNestedException() instanceof java.io.IOException
                && !(e.getNestedException() instanceof java.io.CharConversionException)) {
            reason = Reason.IO_ERROR;
        } else {
            reason = Reason.MALFORMED_XML;
        }
        String firstLine = message.lines().findFirst().orElse(message);
        Location location = e.getLocation();
        String where = location != null && !firstLine.contains("at [row,col") ? where(location) : "";
        return new CwmpDecodeException(reason, firstLine + where, cwmpId, version(), null, e);
    }
}
