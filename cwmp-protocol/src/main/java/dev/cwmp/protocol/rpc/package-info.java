/**
 * The CWMP messages as immutable records, with the spec's names: {@link dev.cwmp.protocol.rpc.CpeMessage}
 * (what a CPE sends) and {@link dev.cwmp.protocol.rpc.AcsMessage} (what an ACS sends), typed
 * request/response pairs, {@link dev.cwmp.protocol.rpc.CwmpFault} and the vendor escape hatch
 * {@link dev.cwmp.protocol.rpc.VendorMessage}, plus the structures the RPCs carry.
 */
package dev.cwmp.protocol.rpc;
