package dev.cwmp.testkit.contract.inmemory;

import dev.cwmp.session.auth.CpeCredential;
import dev.cwmp.session.auth.CpeCredentials;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.testkit.contract.CpeCredentialsContract;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** Both in-memory credential stores pass the credentials contract. */
class InMemoryCpeCredentialsContractTest {

    @Nested
    class SingleCredential extends CpeCredentialsContract {
        @Override
        protected CpeCredentials storeWith(CpeCredential credential) {
            return CpeCredentials.single(credential);
        }
    }

    @Nested
    class ByUsername extends CpeCredentialsContract {
        @Override
        protected CpeCredentials storeWith(CpeCredential credential) {
            return CpeCredentials.of(List.of(CpeCredential.of("someone-else", Secret.of("x")), credential));
        }
    }
}
