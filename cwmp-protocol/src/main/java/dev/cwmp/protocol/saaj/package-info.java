/**
 * Bridge between the CWMP codec and SAAJ ({@code jakarta.xml.soap}) messages, for applications that
 * already hold SOAP messages. Optional: needs {@code jakarta.xml.soap} at run time. The bridge goes
 * through the codec's bytes, so the hardened decoder is what reads.
 */
package dev.cwmp.protocol.saaj;
