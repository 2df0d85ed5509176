/**
 * The CWMP codec API: {@link dev.cwmp.protocol.CwmpCodec} turns bytes into a
 * {@link dev.cwmp.protocol.CwmpEnvelope} and back; versions, headers, limits, fault codes and the
 * exceptions of the module live here. The message types are in {@code dev.cwmp.protocol.rpc}.
 */
package dev.cwmp.protocol;
