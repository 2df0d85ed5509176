package dev.cwmp.testkit.internal.load;

import java.io.IOException;

/** The peer broke HTTP framing or the expected CWMP exchange. */
public final class ProtocolViolation extends IOException {

    private static final long serialVersionUID = 1L;

    public ProtocolViolation(String message) {
        super(message);
    }
}
