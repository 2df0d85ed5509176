package dev.cwmp.testkit.junit;

import dev.cwmp.session.Acs;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.connreq.ConnectionRequester;
import dev.cwmp.session.connreq.HttpConnectionRequesterOptions;
import dev.cwmp.testkit.internal.acs.LoopbackAcs;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs our {@link Acs} in process on {@code 127.0.0.1} and a free port, and
 * injects it and simulated CPEs into tests. Use {@link CwmpTest @CwmpTest} for the defaults, or
 * register a configured one:
 *
 * <pre>{@code
 * @RegisterExtension
 * static AcsExtension acs = AcsExtension.builder()
 *         .acs(b -> b.authenticator(CpeAuthenticator.basic(CpeCredentials.single("cpe", "secret"))))
 *         .simulator(b -> b.acsCredentials("cpe", "secret"))
 *         .build();
 * }</pre>
 *
 * <p>Parameters it resolves: {@link TestAcs} (everything below, and the awaits), {@link Acs},
 * {@link URI} (the ACS's URL), {@link Simulator}, {@link SimulatedDevice} annotated with
 * {@link Device @Device}, and {@link ManualScheduler} when {@link Builder#manualTime manual time} is on.
 *
 * <p>Lifecycle: the ACS and its HTTP listener start when first needed and stop after the test class
 * ({@link Lifecycle#PER_CLASS}, the default) or after each test ({@link Lifecycle#PER_TEST}); each test
 * method gets its own simulator (its devices, its connection-request listener), closed after the test.
 * Defaults: in-memory stores, {@link CpeAuthenticator#none()}, connection requests over HTTP, the
 * system clock.
 */
public final class AcsExtension implements ParameterResolver {

    /** How long the ACS lives. */
    public enum Lifecycle {
        /** One ACS, one port, for every test of the class (its devices and tasks stay between tests). */
        PER_CLASS,
        /** A new ACS on a new port for each test. */
        PER_TEST
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AcsExtension.class);
    private static final Set<Class<?>> RESOLVED = Set.of(TestAcs.class, Acs.class, URI.class, Simulator.class,
            SimulatedDevice.class, ManualScheduler.class);

    private final Lifecycle lifecycle;
    private final Consumer<Acs.Builder> acsConfig;
    private final Consumer<Simulator.Builder> simulatorConfig;
    private final Optional<Instant> manualStart;
    private final Duration timeout;
    private final Optional<DeviceProfile> profile;

    /** The defaults, as {@link CwmpTest @CwmpTest} and {@code @ExtendWith(AcsExtension.class)} use them. */
    public AcsExtension() {
        this(new Builder());
    }

    private AcsExtension(Builder b) {
        this.lifecycle = b.lifecycle;
        this.acsConfig = b.acsConfig;
        this.simulatorConfig = b.simulatorConfig;
        this.manualStart = b.manualStart;
        this.timeout = b.timeout;
        this.profile = b.profile;
    }

    /** Starts a builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The ACS and simulator of the current test (or class, from {@code @BeforeAll}): what the parameters resolve to. */
    public TestAcs testAcs(ExtensionContext context) {
        Objects.requireNonNull(context, "context");
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(LabResource.class, k -> new LabResource(new TestAcs(server(context),
                        simulatorConfig, profile, timeout)), LabResource.class)
                .lab();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == SimulatedDevice.class) {
            Device device = parameter.findAnnotation(Device.class).orElseThrow(() -> new ParameterResolutionException(
                    "AcsExtension: annotate " + describe(parameter) + " with @Device(\"<serial number>\")"));
            if (device.value().isEmpty()) {
                throw new ParameterResolutionException("AcsExtension: @Device needs a serial number, on "
                        + describe(parameter));
            }
            return testAcs(context).device(device.value());
        }
        if (type == ManualScheduler.class && manualStart.isEmpty()) {
            throw new ParameterResolutionException("AcsExtension: a ManualScheduler parameter (" + where(parameter)
                    + ") needs manual time: register AcsExtension.builder().manualTime(Instant).build()");
        }
        TestAcs lab = testAcs(context);
        if (type == TestAcs.class) {
            return lab;
        }
        if (type == Acs.class) {
            return lab.acs();
        }
        if (type == URI.class) {
            return lab.url();
        }
        if (type == Simulator.class) {
            return lab.simulator();
        }
        if (type == ManualScheduler.class) {
            return lab.scheduler().orElseThrow();
        }
        throw new ParameterResolutionException("AcsExtension cannot resolve " + type.getName());
    }

    private static String describe(ParameterContext parameter) {
        java.lang.reflect.Parameter p = parameter.getParameter();
        return "the " + p.getType().getSimpleName() + " parameter #" + (parameter.getIndex() + 1)
                + (p.isNamePresent() ? " '" + p.getName() + "'" : "") + " of " + where(parameter);
    }

    private static String where(ParameterContext parameter) {
        return parameter.getDeclaringExecutable().getDeclaringClass().getSimpleName() + "."
                + parameter.getDeclaringExecutable().getName();
    }

    private AcsServer server(ExtensionContext context) {
        ExtensionContext owner = context;
        if (lifecycle == Lifecycle.PER_CLASS) {
            while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
                owner = owner.getParent().get();
            }
        }
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(AcsServer.class, k -> startServer(), AcsServer.class);
    }

    private AcsServer startServer() {
        Optional<ManualScheduler> scheduler = manualStart.map(ManualScheduler::new);
        Acs.Builder builder = Acs.builder()
                .authenticator(CpeAuthenticator.none())
                .connectionRequester(ConnectionRequester.http(HttpConnectionRequesterOptions.defaults()));
        scheduler.ifPresent(builder::clock);
        acsConfig.accept(builder);
        return new AcsServer(LoopbackAcs.start(builder.build()), scheduler);
    }

    /** The ACS and its listener, closed with the context that holds them. */
    record AcsServer(LoopbackAcs loopback, Optional<ManualScheduler> scheduler)
            implements ExtensionContext.Store.CloseableResource {
        Acs acs() {
            return loopback.acs();
        }

        URI url() {
            return loopback.url();
        }

        @Override
        public void close() {
            loopback.close();
        }
    }

    /** A test's {@link TestAcs}, closed (its simulator) with the test. */
    private record LabResource(TestAcs lab) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            lab.close();
        }
    }

    /** Builds an {@link AcsExtension}. */
    public static final class Builder {
        private Lifecycle lifecycle = Lifecycle.PER_CLASS;
        private Consumer<Acs.Builder> acsConfig = b -> {
        };
        private Consumer<Simulator.Builder> simulatorConfig = b -> {
        };
        private Optional<Instant> manualStart = Optional.empty();
        private Duration timeout = Duration.ofSeconds(10);
        private Optional<DeviceProfile> profile = Optional.empty();

        private Builder() {
        }

        /** One ACS per class (default) or per test. */
        public Builder lifecycle(Lifecycle lifecycle) {
            this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            return this;
        }

        /**
         * Configures the ACS after the extension's defaults (authenticator {@link CpeAuthenticator#none()},
         * an HTTP connection requester, the manual clock when on): stores, session driver, listener, ...
         */
        public Builder acs(Consumer<Acs.Builder> config) {
            this.acsConfig = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Configures each test's simulator (credentials, quirks, periodic informs). Its listener is the
         * extension's (the awaits of {@link TestAcs} need it), and with manual time so are its scheduler
         * and executor.
         */
        public Builder simulator(Consumer<Simulator.Builder> config) {
            this.simulatorConfig = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Time moves only when the test says so: one {@link ManualScheduler} starting at {@code start}
         * is the ACS's clock and the simulator's scheduler, and sessions run on the thread that steps it
         * (the awaits of {@link TestAcs} run what is due).
         */
        public Builder manualTime(Instant start) {
            this.manualStart = Optional.of(Objects.requireNonNull(start, "start"));
            return this;
        }

        /** How long the awaits of {@link TestAcs} wait by default (default 10 s). */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /** The profile of {@link Device @Device} devices (default: {@link DeviceProfile#mikrotikRb951Ui2HnD()}). */
        public Builder deviceProfile(DeviceProfile profile) {
            this.profile = Optional.of(profile);
            return this;
        }

        /** Builds the extension. */
        public AcsExtension build() {
            return new AcsExtension(this);
        }
    }
}
