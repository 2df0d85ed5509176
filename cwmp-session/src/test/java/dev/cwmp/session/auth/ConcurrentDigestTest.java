package dev.cwmp.session.auth;

import static dev.cwmp.session.auth.DigestAuthenticationTest.PEER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.session.testing.IndependentDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentDigestTest {

    @Test
    void one_request_replayed_from_many_threads_at_once_is_accepted_exactly_once() throws Exception {
        CpeAuthenticator authenticator = CpeAuthenticator.digest(
                CpeCredentials.single(CpeCredential.of("cpe1", Secret.of("pw"))), DigestOptions.defaults());
        String sha = ((CpeAuthResult.Challenge) authenticator.authenticate(CpeAuthRequest.of("POST", "/acs", PEER)))
                .wwwAuthenticateHeaders().get(0);
        CpeAuthRequest request = CpeAuthRequest.of("POST", "/acs", PEER).withAuthorization(
                IndependentDigest.authorization(sha, "cpe1", "pw", "POST", "/acs", "00000001", "c"));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<CpeAuthResult>> results = new ArrayList<>();
            for (int k = 0; k < threads; k++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return authenticator.authenticate(request);
                }));
            }
            start.countDown();
            List<CpeAuthResult> outcomes = new ArrayList<>();
            for (Future<CpeAuthResult> result : results) {
                outcomes.add(result.get(30, TimeUnit.SECONDS));
            }

            assertThat(outcomes).filteredOn(CpeAuthResult.Authenticated.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(CpeAuthResult.Rejected.class::isInstance).hasSize(threads - 1)
                    .allSatisfy(r -> assertThat(((CpeAuthResult.Rejected) r).reason())
                            .isEqualTo(RejectionReason.REPLAYED_NONCE_COUNT));
        } finally {
            pool.shutdownNow();
        }
    }
}
