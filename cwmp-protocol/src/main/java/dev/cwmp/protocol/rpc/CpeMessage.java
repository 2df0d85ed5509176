package dev.cwmp.protocol.rpc;

/** A message a CPE sends: its requests, its responses to ACS requests, a fault or a vendor message. */
public sealed interface CpeMessage extends CwmpMessage
        permits CpeRequest, CpeResponse, CwmpFault, VendorMessage {
}
