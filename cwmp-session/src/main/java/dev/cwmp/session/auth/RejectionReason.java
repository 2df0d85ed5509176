package dev.cwmp.session.auth;

/** Why a request was {@linkplain CpeAuthResult.Rejected rejected}. */
public enum RejectionReason {
    /** The Authorization header could not be parsed or lacked a required parameter. */
    MALFORMED_CREDENTIALS,
    /** The scheme or Digest algorithm is not one this authenticator accepts. */
    UNSUPPORTED_SCHEME,
    /** No credential exists for the username. */
    UNKNOWN_USER,
    /** The password, Digest response, realm or URI did not match. */
    INVALID_CREDENTIALS,
    /** The Digest nonce was not issued by this authenticator (forged or tampered with). */
    INVALID_NONCE,
    /** The Digest nonce count did not increase: a replayed request. */
    REPLAYED_NONCE_COUNT,
    /** No TLS client certificate was presented. */
    MISSING_CLIENT_CERTIFICATE,
    /** The TLS client certificate is not valid at the current time. */
    INVALID_CLIENT_CERTIFICATE,
    /** The TLS client certificate's identity maps to no device. */
    UNKNOWN_CLIENT_IDENTITY
}
