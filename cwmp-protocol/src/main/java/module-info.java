/**
 * The CWMP (TR-069) SOAP envelope codec: every CWMP 1.0-1.4 RPC as an immutable type
 * ({@code dev.cwmp.protocol.rpc}), a hardened streaming decoder and a conservative encoder
 * ({@link dev.cwmp.protocol.CwmpCodec}), and an optional SAAJ bridge ({@code dev.cwmp.protocol.saaj},
 * which needs {@code jakarta.xml.soap} at run time).
 */
module dev.cwmp.protocol {
    requires java.xml;
    requires org.codehaus.stax2;
    requires com.ctc.wstx;
    // Optional: only the SAAJ bridge needs it. Not transitive: every module reading this one would
    // then need jakarta.xml.soap to compile; an application using SaajBridge requires it itself.
    requires static jakarta.xml.soap;

    exports dev.cwmp.protocol;
    exports dev.cwmp.protocol.rpc;
    exports dev.cwmp.protocol.saaj;
}
