package dev.cwmp.protocol.internal;

import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.CwmpException;
import dev.cwmp.protocol.CwmpHeaders;
import dev.cwmp.protocol.rpc.AddObject;
import dev.cwmp.protocol.rpc.AddObjectResponse;
import dev.cwmp.protocol.rpc.AllQueuedTransferStruct;
import dev.cwmp.protocol.rpc.ArgStruct;
import dev.cwmp.protocol.rpc.AutonOpResultStruct;
import dev.cwmp.protocol.rpc.AutonomousDUStateChangeComplete;
import dev.cwmp.protocol.rpc.AutonomousTransferComplete;
import dev.cwmp.protocol.rpc.CancelTransfer;
import dev.cwmp.protocol.rpc.ChangeDUState;
import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.protocol.rpc.CwmpMessage;
import dev.cwmp.protocol.rpc.CwmpTimes;
import dev.cwmp.protocol.rpc.DUStateChangeComplete;
import dev.cwmp.protocol.rpc.DeleteObject;
import dev.cwmp.protocol.rpc.DeleteObjectResponse;
import dev.cwmp.protocol.rpc.DeviceIdStruct;
import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.protocol.rpc.DownloadResponse;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.FaultStruct;
import dev.cwmp.protocol.rpc.GetAllQueuedTransfersResponse;
import dev.cwmp.protocol.rpc.GetOptions;
import dev.cwmp.protocol.rpc.GetOptionsResponse;
import dev.cwmp.protocol.rpc.GetParameterAttributes;
import dev.cwmp.protocol.rpc.GetParameterAttributesResponse;
import dev.cwmp.protocol.rpc.GetParameterNames;
import dev.cwmp.protocol.rpc.GetParameterNamesResponse;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.protocol.rpc.GetParameterValuesResponse;
import dev.cwmp.protocol.rpc.GetQueuedTransfersResponse;
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
import dev.cwmp.protocol.rpc.RequestDownload;
import dev.cwmp.protocol.rpc.ScheduleDownload;
import dev.cwmp.protocol.rpc.ScheduleInform;
import dev.cwmp.protocol.rpc.SetParameterAttributes;
import dev.cwmp.protocol.rpc.SetParameterAttributesStruct;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.protocol.rpc.SetParameterValuesFault;
import dev.cwmp.protocol.rpc.SetParameterValuesResponse;
import dev.cwmp.protocol.rpc.SetVouchers;
import dev.cwmp.protocol.rpc.TimeWindowStruct;
import dev.cwmp.protocol.rpc.TransferComplete;
import dev.cwmp.protocol.rpc.UninstallOpStruct;
import dev.cwmp.protocol.rpc.UpdateOpStruct;
import dev.cwmp.protocol.rpc.Upload;
import dev.cwmp.protocol.rpc.UploadResponse;
import dev.cwmp.protocol.rpc.VendorMessage;
import dev.cwmp.protocol.rpc.XmlElement;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes envelopes as UTF-8 without XML declaration, in the shape TR-069's schemas give. Stateless
 * and thread-safe; each call uses its own {@link Utf8XmlWriter}.
 */
public final class EnvelopeEncoder {
    private static final int BUFFER_SIZE = 8192;
    private static final String ENVELOPE_START = "<soapenv:Envelope"
            + " xmlns:soapenv=\"" + Namespaces.SOAP_ENV + "\""
            + " xmlns:soapenc=\"" + Namespaces.SOAP_ENC + "\""
            + " xmlns:xsd=\"" + Namespaces.XSD + "\""
            + " xmlns:xsi=\"" + Namespaces.XSI + "\""
            + " xmlns:cwmp=\"";

    /** Writes one envelope and flushes the stream. */
    public void encode(CwmpEnvelope envelope, OutputStream out) throws IOException {
        Utf8XmlWriter w = new Utf8XmlWriter(out, BUFFER_SIZE);
        w.raw(ENVELOPE_START).raw(envelope.version().namespaceUri()).raw("\">");
        writeHeaders(w, envelope.headers());
        w.raw("<soapenv:Body>");
        writeBody(w, envelope.body(), envelope.version().namespaceUri());
        w.raw("</soapenv:Body></soapenv:Envelope>");
        w.flush();
    }

    private static void writeHeaders(Utf8XmlWriter w, CwmpHeaders headers) throws IOException {
        if (headers.isEmpty()) {
            return;
        }
        w.raw("<soapenv:Header>");
        if (headers.id().isPresent()) {
            w.raw("<cwmp:ID soapenv:mustUnderstand=\"").raw(headers.idMustUnderstand() ? "1" : "0").raw("\">")
                    .text(headers.id().get()).raw("</cwmp:ID>");
        }
        if (headers.holdRequests()) {
            w.raw("<cwmp:HoldRequests soapenv:mustUnderstand=\"1\">1</cwmp:HoldRequests>");
        }
        if (headers.noMoreRequests()) {
            w.raw("<cwmp:NoMoreRequests>1</cwmp:NoMoreRequests>");
        }
        if (headers.sessionTimeout().isPresent()) {
            w.raw("<cwmp:SessionTimeout soapenv:mustUnderstand=\"0\">").decimal(headers.sessionTimeout().getAsInt())
                    .raw("</cwmp:SessionTimeout>");
        }
        if (!headers.supportedCwmpVersions().isEmpty()) {
            w.raw("<cwmp:SupportedCWMPVersions soapenv:mustUnderstand=\"0\">")
                    .text(String.join(",", headers.supportedCwmpVersions())).raw("</cwmp:SupportedCWMPVersions>");
        }
        if (headers.useCwmpVersion().isPresent()) {
            w.raw("<cwmp:UseCWMPVersion soapenv:mustUnderstand=\"1\">").text(headers.useCwmpVersion().get())
                    .raw("</cwmp:UseCWMPVersion>");
        }
        w.raw("</soapenv:Header>");
    }

    private static void writeBody(Utf8XmlWriter w, CwmpMessage message, String cwmpNamespace) throws IOException {
        if (message instanceof CwmpFault) {
            writeFault(w, (CwmpFault) message);
            return;
        }
        if (message instanceof VendorMessage) {
            writeVendor(w, ((VendorMessage) message).element(), cwmpNamespace);
            return;
        }
        String name = message.methodName();
        w.raw("<cwmp:").raw(name).raw('>');
        writeArguments(w, message);
        w.raw("</cwmp:").raw(name).raw('>');
    }

    // One branch per message with arguments; messages without arguments write nothing here.
    private static void writeArguments(Utf8XmlWriter w, CwmpMessage m) throws IOException {
        if (m instanceof Inform) {
            Inform inform = (Inform) m;
            DeviceIdStruct id = inform.deviceId();
            w.raw("<DeviceId>");
            leaf(w, "Manufacturer", id.manufacturer());
            leaf(w, "OUI", id.oui());
            leaf(w, "ProductClass", id.productClass());
            leaf(w, "SerialNumber", id.serialNumber());
            w.raw("</DeviceId>");
            arrayStart(w, "Event", "cwmp:EventStruct", inform.event().size());
            for (EventStruct event : inform.event()) {
                w.raw("<EventStruct>");
                leaf(w, "EventCode", event.eventCode());
                leaf(w, "CommandKey", event.commandKey());
                w.raw("</EventStruct>");
            }
            w.raw("</Event>");
            leaf(w, "MaxEnvelopes", inform.maxEnvelopes());
            leaf(w, "CurrentTime", inform.currentTime());
            leaf(w, "RetryCount", inform.retryCount());
            parameterValueList(w, inform.parameterList());
        } else if (m instanceof GetParameterValuesResponse) {
            parameterValueList(w, ((GetParameterValuesResponse) m).parameterList());
        } else if (m instanceof GetParameterValues) {
            stringArray(w, "ParameterNames", ((GetParameterValues) m).parameterNames());
        } else if (m instanceof SetParameterValues) {
            SetParameterValues spv = (SetParameterValues) m;
            parameterValueList(w, spv.parameterList());
            leaf(w, "ParameterKey", spv.parameterKey());
        } else if (m instanceof SetParameterValuesResponse) {
            leaf(w, "Status", ((SetParameterValuesResponse) m).status());
        } else if (m instanceof GetParameterNames) {
            GetParameterNames gpn = (GetParameterNames) m;
            leaf(w, "ParameterPath", gpn.parameterPath());
            leaf(w, "NextLevel", gpn.nextLevel());
        } else if (m instanceof GetParameterNamesResponse) {
            List<ParameterInfoStruct> list = ((GetParameterNamesResponse) m).parameterList();
            arrayStart(w, "ParameterList", "cwmp:ParameterInfoStruct", list.size());
            for (ParameterInfoStruct info : list) {
                w.raw("<ParameterInfoStruct>");
                leaf(w, "Name", info.name());
                leaf(w, "Writable", info.writable());
                w.raw("</ParameterInfoStruct>");
            }
            w.raw("</ParameterList>");
        } else if (m instanceof InformResponse) {
            leaf(w, "MaxEnvelopes", ((InformResponse) m).maxEnvelopes());
        } else if (m instanceof GetRPCMethodsResponse) {
            stringArray(w, "MethodList", ((GetRPCMethodsResponse) m).methodList());
        } else if (m instanceof SetParameterAttributes) {
            List<SetParameterAttributesStruct> list = ((SetParameterAttributes) m).parameterList();
            arrayStart(w, "ParameterList", "cwmp:SetParameterAttributesStruct", list.size());
            for (SetParameterAttributesStruct s : list) {
                w.raw("<SetParameterAttributesStruct>");
                leaf(w, "Name", s.name());
                leaf(w, "NotificationChange", s.notificationChange());
                leaf(w, "Notification", s.notification());
                leaf(w, "AccessListChange", s.accessListChange());
                stringArray(w, "AccessList", s.accessList());
                w.raw("</SetParameterAttributesStruct>");
            }
            w.raw("</ParameterList>");
        } else if (m instanceof GetParameterAttributes) {
            stringArray(w, "ParameterNames", ((GetParameterAttributes) m).parameterNames());
        } else if (m instanceof GetParameterAttributesResponse) {
            List<ParameterAttributeStruct> list = ((GetParameterAttributesResponse) m).parameterList();
            arrayStart(w, "ParameterList", "cwmp:ParameterAttributeStruct", list.size());
            for (ParameterAttributeStruct s : list) {
                w.raw("<ParameterAttributeStruct>");
                leaf(w, "Name", s.name());
                leaf(w, "Notification", s.notification());
                stringArray(w, "AccessList", s.accessList());
                w.raw("</ParameterAttributeStruct>");
            }
            w.raw("</ParameterList>");
        } else if (m instanceof AddObject) {
            AddObject add = (AddObject) m;
            leaf(w, "ObjectName", add.objectName());
            leaf(w, "ParameterKey", add.parameterKey());
        } else if (m instanceof AddObjectResponse) {
            AddObjectResponse r = (AddObjectResponse) m;
            leaf(w, "InstanceNumber", r.instanceNumber());
            leaf(w, "Status", r.status());
        } else if (m instanceof DeleteObject) {
            DeleteObject del = (DeleteObject) m;
            leaf(w, "ObjectName", del.objectName());
            leaf(w, "ParameterKey", del.parameterKey());
        } else if (m instanceof DeleteObjectResponse) {
            leaf(w, "Status", ((DeleteObjectResponse) m).status());
        } else if (m instanceof Reboot) {
            leaf(w, "CommandKey", ((Reboot) m).commandKey());
        } else if (m instanceof Download) {
            Download d = (Download) m;
            leaf(w, "CommandKey", d.commandKey());
            leaf(w, "FileType", d.fileType());
            leaf(w, "URL", d.url());
            leaf(w, "Username", d.username());
            leaf(w, "Password", d.password());
            leaf(w, "FileSize", d.fileSize());
            leaf(w, "TargetFileName", d.targetFileName());
            leaf(w, "DelaySeconds", d.delaySeconds());
            leaf(w, "SuccessURL", d.successUrl());
            leaf(w, "FailureURL", d.failureUrl());
        } else if (m instanceof DownloadResponse) {
            DownloadResponse r = (DownloadResponse) m;
            leaf(w, "Status", r.status());
            leaf(w, "StartTime", r.startTime());
            leaf(w, "CompleteTime", r.completeTime());
        } else if (m instanceof Upload) {
            Upload u = (Upload) m;
            leaf(w, "CommandKey", u.commandKey());
            leaf(w, "FileType", u.fileType());
            leaf(w, "URL", u.url());
            leaf(w, "Username", u.username());
            leaf(w, "Password", u.password());
            leaf(w, "DelaySeconds", u.delaySeconds());
        } else if (m instanceof UploadResponse) {
            UploadResponse r = (UploadResponse) m;
            leaf(w, "Status", r.status());
            leaf(w, "StartTime", r.startTime());
            leaf(w, "CompleteTime", r.completeTime());
        } else if (m instanceof GetQueuedTransfersResponse) {
            List<QueuedTransferStruct> list = ((GetQueuedTransfersResponse) m).transferList();
            arrayStart(w, "TransferList", "cwmp:QueuedTransferStruct", list.size());
            for (QueuedTransferStruct t : list) {
                w.raw("<QueuedTransferStruct>");
                leaf(w, "CommandKey", t.commandKey());
                leaf(w, "State", t.state());
                w.raw("</QueuedTransferStruct>");
            }
            w.raw("</TransferList>");
        } else if (m instanceof GetAllQueuedTransfersResponse) {
            List<AllQueuedTransferStruct> list = ((GetAllQueuedTransfersResponse) m).transferList();
            arrayStart(w, "TransferList", "cwmp:AllQueuedTransferStruct", list.size());
            for (AllQueuedTransferStruct t : list) {
                w.raw("<AllQueuedTransferStruct>");
                leaf(w, "CommandKey", t.commandKey());
                leaf(w, "State", t.state());
                leaf(w, "IsDownload", t.isDownload());
                leaf(w, "FileType", t.fileType());
                leaf(w, "FileSize", t.fileSize());
                leaf(w, "TargetFileName", t.targetFileName());
                w.raw("</AllQueuedTransferStruct>");
            }
            w.raw("</TransferList>");
        } else if (m instanceof ScheduleInform) {
            ScheduleInform s = (ScheduleInform) m;
            leaf(w, "DelaySeconds", s.delaySeconds());
            leaf(w, "CommandKey", s.commandKey());
        } else if (m instanceof SetVouchers) {
            List<String> vouchers = ((SetVouchers) m).voucherList().vouchers();
            arrayStart(w, "VoucherList", "soapenc:base64", vouchers.size());
            for (String voucher : vouchers) {
                leaf(w, "base64", voucher);
            }
            w.raw("</VoucherList>");
        } else if (m instanceof GetOptions) {
            leaf(w, "OptionName", ((GetOptions) m).optionName());
        } else if (m instanceof GetOptionsResponse) {
            List<OptionStruct> list = ((GetOptionsResponse) m).optionList();
            arrayStart(w, "OptionList", "cwmp:OptionStruct", list.size());
            for (OptionStruct o : list) {
                w.raw("<OptionStruct>");
                leaf(w, "OptionName", o.optionName());
                leaf(w, "VoucherSN", o.voucherSn());
                leaf(w, "State", o.state());
                leaf(w, "Mode", o.mode());
                leaf(w, "StartDate", o.startDate());
                if (o.expirationDate().isPresent()) {
                    leaf(w, "ExpirationDate", o.expirationDate().get());
                }
                leaf(w, "IsTransferable", o.isTransferable() ? 1 : 0);
                w.raw("</OptionStruct>");
            }
            w.raw("</OptionList>");
        } else if (m instanceof ScheduleDownload) {
            ScheduleDownload d = (ScheduleDownload) m;
            leaf(w, "CommandKey", d.commandKey());
            leaf(w, "FileType", d.fileType());
            leaf(w, "URL", d.url());
            leaf(w, "Username", d.username());
            leaf(w, "Password", d.password());
            leaf(w, "FileSize", d.fileSize());
            leaf(w, "TargetFileName", d.targetFileName());
            arrayStart(w, "TimeWindowList", "cwmp:TimeWindowStruct", d.timeWindowList().size());
            for (TimeWindowStruct t : d.timeWindowList()) {
                w.raw("<TimeWindowStruct>");
                leaf(w, "WindowStart", t.windowStart());
                leaf(w, "WindowEnd", t.windowEnd());
                leaf(w, "WindowMode", t.windowMode());
                leaf(w, "UserMessage", t.userMessage());
                leaf(w, "MaxRetries", t.maxRetries());
                w.raw("</TimeWindowStruct>");
            }
            w.raw("</TimeWindowList>");
        } else if (m instanceof CancelTransfer) {
            leaf(w, "CommandKey", ((CancelTransfer) m).commandKey());
        } else if (m instanceof ChangeDUState) {
            ChangeDUState c = (ChangeDUState) m;
            for (OperationStruct op : c.operations()) {
                writeOperation(w, op);
            }
            optionalLeaf(w, "CommandKey", c.commandKey());
        } else if (m instanceof TransferComplete) {
            TransferComplete t = (TransferComplete) m;
            leaf(w, "CommandKey", t.commandKey());
            faultStruct(w, "FaultStruct", t.faultStruct());
            leaf(w, "StartTime", t.startTime());
            leaf(w, "CompleteTime", t.completeTime());
        } else if (m instanceof AutonomousTransferComplete) {
            AutonomousTransferComplete t = (AutonomousTransferComplete) m;
            leaf(w, "AnnounceURL", t.announceUrl());
            leaf(w, "TransferURL", t.transferUrl());
            leaf(w, "IsDownload", t.isDownload());
            leaf(w, "FileType", t.fileType());
            leaf(w, "FileSize", t.fileSize());
            leaf(w, "TargetFileName", t.targetFileName());
            faultStruct(w, "FaultStruct", t.faultStruct());
            leaf(w, "StartTime", t.startTime());
            leaf(w, "CompleteTime", t.completeTime());
        } else if (m instanceof DUStateChangeComplete) {
            DUStateChangeComplete d = (DUStateChangeComplete) m;
            for (OpResultStruct result : d.results()) {
                w.raw("<Results>");
                opResult(w, result);
                w.raw("</Results>");
            }
            optionalLeaf(w, "CommandKey", d.commandKey());
        } else if (m instanceof AutonomousDUStateChangeComplete) {
            for (AutonOpResultStruct result : ((AutonomousDUStateChangeComplete) m).results()) {
                w.raw("<Results>");
                opResult(w, result.result());
                leaf(w, "OperationPerformed", result.operationPerformed());
                w.raw("</Results>");
            }
        } else if (m instanceof RequestDownload) {
            RequestDownload r = (RequestDownload) m;
            leaf(w, "FileType", r.fileType());
            arrayStart(w, "FileTypeArg", "cwmp:ArgStruct", r.fileTypeArg().size());
            for (ArgStruct arg : r.fileTypeArg()) {
                w.raw("<ArgStruct>");
                leaf(w, "Name", arg.name());
                leaf(w, "Value", arg.value());
                w.raw("</ArgStruct>");
            }
            w.raw("</FileTypeArg>");
        } else if (m instanceof Kicked) {
            Kicked k = (Kicked) m;
            leaf(w, "Command", k.command());
            leaf(w, "Referer", k.referer());
            leaf(w, "Arg", k.arg());
            leaf(w, "Next", k.next());
        } else if (m instanceof KickedResponse) {
            leaf(w, "NextURL", ((KickedResponse) m).nextUrl());
        }
    }

    private static void writeOperation(Utf8XmlWriter w, OperationStruct op) throws IOException {
        w.raw("<Operations xsi:type=\"cwmp:").raw(op.typeName()).raw("\">");
        if (op instanceof InstallOpStruct) {
            InstallOpStruct i = (InstallOpStruct) op;
            leaf(w, "URL", i.url());
            optionalLeaf(w, "UUID", i.uuid());
            optionalLeaf(w, "Username", i.username());
            optionalLeaf(w, "Password", i.password());
            optionalLeaf(w, "ExecutionEnvRef", i.executionEnvRef());
        } else if (op instanceof UpdateOpStruct) {
            UpdateOpStruct u = (UpdateOpStruct) op;
            optionalLeaf(w, "UUID", u.uuid());
            optionalLeaf(w, "Version", u.version());
            optionalLeaf(w, "URL", u.url());
            optionalLeaf(w, "Username", u.username());
            optionalLeaf(w, "Password", u.password());
        } else if (op instanceof UninstallOpStruct) {
            UninstallOpStruct u = (UninstallOpStruct) op;
            leaf(w, "UUID", u.uuid());
            optionalLeaf(w, "Version", u.version());
            optionalLeaf(w, "ExecutionEnvRef", u.executionEnvRef());
        }
        w.raw("</Operations>");
    }

    private static void opResult(Utf8XmlWriter w, OpResultStruct r) throws IOException {
        leaf(w, "UUID", r.uuid());
        leaf(w, "DeploymentUnitRef", r.deploymentUnitRef());
        leaf(w, "Version", r.version());
        leaf(w, "CurrentState", r.currentState());
        leaf(w, "Resolved", r.resolved());
        leaf(w, "ExecutionUnitRefList", r.executionUnitRefList());
        leaf(w, "StartTime", r.startTime());
        leaf(w, "CompleteTime", r.completeTime());
        faultStruct(w, "Fault", r.fault());
    }

    private static void faultStruct(Utf8XmlWriter w, String element, FaultStruct fault) throws IOException {
        w.raw('<').raw(element).raw('>');
        leaf(w, "FaultCode", fault.faultCode());
        leaf(w, "FaultString", fault.faultString());
        w.raw("</").raw(element).raw('>');
    }

    private static void writeFault(Utf8XmlWriter w, CwmpFault fault) throws IOException {
        w.raw("<soapenv:Fault><faultcode>").text(fault.soapFaultCode()).raw("</faultcode><faultstring>")
                .text(fault.soapFaultString()).raw("</faultstring><detail><cwmp:Fault>");
        leaf(w, "FaultCode", fault.faultCode());
        leaf(w, "FaultString", fault.faultString());
        for (SetParameterValuesFault f : fault.setParameterValuesFaults()) {
            w.raw("<SetParameterValuesFault>");
            leaf(w, "ParameterName", f.parameterName());
            leaf(w, "FaultCode", f.faultCode());
            leaf(w, "FaultString", f.faultString());
            w.raw("</SetParameterValuesFault>");
        }
        w.raw("</cwmp:Fault></detail></soapenv:Fault>");
    }

    private static void parameterValueList(Utf8XmlWriter w, List<ParameterValueStruct> list) throws IOException {
        arrayStart(w, "ParameterList", "cwmp:ParameterValueStruct", list.size());
        for (int i = 0, n = list.size(); i < n; i++) {
            ParameterValueStruct p = list.get(i);
            w.raw("<ParameterValueStruct><Name>").text(p.name()).raw("</Name><Value xsi:type=\"")
                    .raw(p.type().wireName()).raw("\">").text(p.value()).raw("</Value></ParameterValueStruct>");
        }
        w.raw("</ParameterList>");
    }

    private static void stringArray(Utf8XmlWriter w, String element, List<String> items) throws IOException {
        arrayStart(w, element, "xsd:string", items.size());
        for (int i = 0, n = items.size(); i < n; i++) {
            w.raw("<string>").text(items.get(i)).raw("</string>");
        }
        w.raw("</").raw(element).raw('>');
    }

    private static void arrayStart(Utf8XmlWriter w, String element, String itemType, int count) throws IOException {
        w.raw('<').raw(element).raw(" soapenc:arrayType=\"").raw(itemType).raw('[').decimal(count).raw("]\">");
    }

    private static void leaf(Utf8XmlWriter w, String element, String text) throws IOException {
        w.raw('<').raw(element).raw('>').text(text).raw("</").raw(element).raw('>');
    }

    private static void leaf(Utf8XmlWriter w, String element, long value) throws IOException {
        w.raw('<').raw(element).raw('>').decimal(value).raw("</").raw(element).raw('>');
    }

    private static void leaf(Utf8XmlWriter w, String element, boolean value) throws IOException {
        w.raw('<').raw(element).raw('>').raw(value ? '1' : '0').raw("</").raw(element).raw('>');
    }

    private static void leaf(Utf8XmlWriter w, String element, Instant time) throws IOException {
        w.raw('<').raw(element).raw('>').raw(CwmpTimes.format(time)).raw("</").raw(element).raw('>');
    }

    private static void optionalLeaf(Utf8XmlWriter w, String element, Optional<String> text) throws IOException {
        if (text.isPresent()) {
            leaf(w, element, text.get());
        }
    }

    // Vendor messages: the XML tree as read, namespaces declared where first needed.

    private static void writeVendor(Utf8XmlWriter w, XmlElement element, String cwmpNamespace) throws IOException {
        Map<String, String> scope = new HashMap<>();
        scope.put(Namespaces.SOAP_ENV, "soapenv");
        scope.put(Namespaces.SOAP_ENC, "soapenc");
        scope.put(Namespaces.XSD, "xsd");
        scope.put(Namespaces.XSI, "xsi");
        scope.put(cwmpNamespace, "cwmp");
        writeXml(w, element, scope, new int[] {0});
    }

    private static void writeXml(Utf8XmlWriter w, XmlElement e, Map<String, String> inScope, int[] counter)
            throws IOException {
        checkName(e.localName());
        Map<String, String> scope = inScope;
        StringBuilder declarations = null;
        String prefix = null;
        if (!e.namespaceUri().isEmpty()) {
            prefix = scope.get(e.namespaceUri());
            if (prefix == null) {
                scope = new HashMap<>(scope);
                prefix = "ns" + counter[0]++;
                scope.put(e.namespaceUri(), prefix);
                declarations = declare(declarations, prefix, e.namespaceUri());
            }
        }
        List<Map.Entry<String, String>> sorted = new java.util.ArrayList<>(e.attributes().entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        List<String[]> attributeList = new java.util.ArrayList<>();
        for (Map.Entry<String, String> attribute : sorted) {
            String key = attribute.getKey();
            String qname = key;
            if (key.startsWith("{")) {
                int close = key.indexOf('}');
                if (close < 0) {
                    throw new CwmpException("bad attribute key in vendor message: " + key);
                }
                String ns = key.substring(1, close);
                String local = key.substring(close + 1);
                checkName(local);
                String attrPrefix = scope.get(ns);
                if (attrPrefix == null) {
                    if (scope == inScope) {
                        scope = new HashMap<>(scope);
                    }
                    attrPrefix = "ns" + counter[0]++;
                    scope.put(ns, attrPrefix);
                    declarations = declare(declarations, attrPrefix, ns);
                }
                qname = attrPrefix + ":" + local;
            } else {
                checkName(key);
            }
            attributeList.add(new String[] {qname, attribute.getValue()});
        }
        String qname = prefix == null ? e.localName() : prefix + ":" + e.localName();
        w.raw('<').raw(qname);
        if (declarations != null) {
            w.raw(declarations.toString());
        }
        for (String[] attribute : attributeList) {
            w.raw(' ').raw(attribute[0]).raw("=\"").attributeValue(attribute[1]).raw('"');
        }
        if (e.text().isEmpty() && e.children().isEmpty()) {
            w.raw("/>");
            return;
        }
        w.raw('>').text(e.text());
        for (XmlElement child : e.children()) {
            writeXml(w, child, scope, counter);
        }
        w.raw("</").raw(qname).raw('>');
    }

    private static StringBuilder declare(StringBuilder declarations, String prefix, String uri) {
        StringBuilder sb = declarations == null ? new StringBuilder() : declarations;
        sb.append(" xmlns:").append(prefix).append("=\"");
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            switch (c) {
                case '"':
                    sb.append("&quot;");
                    break;
                case '&':
                    sb.append("&amp;");
                    break;
                case '<':
                    sb.append("&lt;");
                    break;
                default:
                    if (c < 0x20 || c > 0x7E) {
                        sb.append("&#").append((int) c).append(';');
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"');
    }

    /** Vendor element and attribute names are written as is: only ASCII NCNames are accepted. */
    private static void checkName(String name) {
        boolean ok = !name.isEmpty();
        for (int i = 0; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            boolean other = (c >= '0' && c <= '9') || c == '-' || c == '.';
            ok = letter || (i > 0 && other);
        }
        if (!ok) {
            throw new CwmpException("not an ASCII XML name, cannot write it: '" + name + "'");
        }
    }
}
