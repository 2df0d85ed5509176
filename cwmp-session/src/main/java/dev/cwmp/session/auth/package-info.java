/**
 * How the ACS authenticates a CPE that POSTs to it.
 *
 * <p>A transport turns each HTTP request into a {@link dev.cwmp.session.auth.CpeAuthRequest} and asks
 * a {@link dev.cwmp.session.auth.CpeAuthenticator}; the {@link dev.cwmp.session.auth.CpeAuthResult}
 * says whether to go on ({@code Authenticated}, possibly bound to one device id), answer 401 with
 * challenges ({@code Challenge}) or refuse ({@code Rejected}). Credentials come from the
 * {@link dev.cwmp.session.auth.CpeCredentials} SPI. There is no default authenticator: choose
 * {@code none()}, {@code basic}, {@code digest}, {@code basicOrDigest} or {@code clientCertificate}.
 *
 * <pre>{@code
 * CpeCredentials credentials = CpeCredentials.of(List.of(
 *         CpeCredential.boundTo("cpe-0001", Secret.of("s3cret"), "E48D8C-RB951Ui%2D2HnD-HG1234567")));
 * CpeAuthenticator authenticator = CpeAuthenticator.basicOrDigest(credentials, DigestOptions.defaults());
 * }</pre>
 */
package dev.cwmp.session.auth;
