package dev.cwmp.testkit.contract.inmemory;

import dev.cwmp.session.connreq.ConnectionRequester;
import dev.cwmp.session.connreq.HttpConnectionRequesterOptions;
import dev.cwmp.testkit.contract.ConnectionRequesterContract;
import java.time.Duration;

/** The default connection requester passes the contract. */
class HttpConnectionRequesterContractTest extends ConnectionRequesterContract {

    @Override
    protected ConnectionRequester newRequester(Duration timeout) {
        return ConnectionRequester.http(HttpConnectionRequesterOptions.builder()
                .connectTimeout(timeout).timeout(timeout).build());
    }
}
