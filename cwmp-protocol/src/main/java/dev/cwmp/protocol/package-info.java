/**
 * The CWMP codec API: {@link dev.cwmp.protocol.CwmpCodec} turns bytes into a
 * {@link dev.cwmp.protocol.CwmpEnvelope} and back; versions, headers, limits, fault codes and the
 * exceptions of the module live here. The message types are in {@code dev.cwmp.protocol.rpc}.
 *
 * <pre>{@code
 * CwmpCodec codec = CwmpCodec.create();                      // once, shared
 * try {
 *     CwmpEnvelope request = codec.decode(httpBody, charset);
 *     if (request.body() instanceof Inform) {
 *         Inform inform = (Inform) request.body();
 *         CwmpVersionNegotiation.negotiate(request, EnumSet.allOf(CwmpVersion.class)).ifPresent(agreed ->
 *                 reply(codec.encode(new CwmpEnvelope(agreed.version(), agreed.responseHeaders(),
 *                         new InformResponse(1)))));
 *     }
 * } catch (CwmpDecodeException e) {
 *     reply(codec.encode(e.faultEnvelope(CwmpVersion.V1_0)));  // fault 8000/8003/..., ID echoed
 * }
 * }</pre>
 */
package dev.cwmp.protocol;
