/**
 * Connection requests: the ACS asks a CPE to open a session now (TR-069 section 3.2.2).
 *
 * <pre>{@code
 * ConnectionRequester requester = ConnectionRequester.http(HttpConnectionRequesterOptions.defaults());
 * requester.request(ConnectionRequest.of(deviceId, connectionRequestUrl)
 *                 .withCredentials(connectionRequestUsername, Secret.of(connectionRequestPassword)))
 *         .thenAccept(result -> ...); // Accepted, AuthenticationFailed, Refused, Unreachable or TimedOut
 * }</pre>
 */
package dev.cwmp.session.connreq;
