/**
 * The codec's implementation, not exported: {@code EnvelopeDecoder} (one shared hardened Woodstox
 * factory, input counted against the byte limit), {@code MessageReader} (one per decode, dispatch on
 * local names), {@code EnvelopeEncoder} and {@code Utf8XmlWriter} (a buffered UTF-8 writer that
 * escapes text and attribute values itself).
 */
package dev.cwmp.protocol.internal;
