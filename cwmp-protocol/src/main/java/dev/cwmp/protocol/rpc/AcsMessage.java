package dev.cwmp.protocol.rpc;

/** A message an ACS sends: its requests, its responses to CPE requests, a fault or a vendor message. */
public sealed interface AcsMessage extends CwmpMessage
        permits AcsRequest, AcsResponse, CwmpFault, VendorMessage {
}
