package dev.cwmp.testkit.sim;

import dev.cwmp.protocol.rpc.DeviceIdStruct;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.testkit.internal.sim.DeviceState;
import dev.cwmp.testkit.internal.sim.SimEngine;
import java.util.List;
import java.util.Optional;

/**
 * One simulated CPE of a {@link Simulator}. Its parameters are its profile's plus what changed;
 * its sessions run on the simulator's executor when its timers, a connection request or a call
 * here ask for one. Thread-safe.
 */
public final class SimulatedDevice {

    private final DeviceProfile profile;
    private final DeviceState state;
    private final SimEngine engine;
    private final String connectionRequestUrl;

    SimulatedDevice(DeviceProfile profile, DeviceState state, SimEngine engine, String connectionRequestUrl) {
        this.profile = profile;
        this.state = state;
        this.engine = engine;
        this.connectionRequestUrl = connectionRequestUrl;
    }

    /** The device's serial number (unique in its simulator). */
    public String serialNumber() {
        return state.serialNumber();
    }

    /** The DeviceId the device informs with. */
    public DeviceIdStruct deviceId() {
        return state.identity();
    }

    /** The profile the device runs. */
    public DeviceProfile profile() {
        return profile;
    }

    /** The current value of a parameter (secrets included), or empty when the device lacks it. */
    public Optional<String> value(String path) {
        return state.value(path);
    }

    /** The device's SoftwareVersion. */
    public String softwareVersion() {
        return value(profile.rootName() + ".DeviceInfo.SoftwareVersion").orElse("");
    }

    /** Powers the device on (once): it informs with {@code 1 BOOT}, and {@code 0 BOOTSTRAP} until bootstrapped. */
    public void powerOn() {
        engine.powerOn(state);
    }

    /**
     * Someone holds the reset button: the device forgets every change but its provisioned values
     * (identity, TR-069 client settings, installed firmware) and informs with {@code 0 BOOTSTRAP} and
     * {@code 1 BOOT}, as after an ACS's FactoryReset.
     */
    public void factoryReset() {
        engine.factoryReset(state);
    }

    /** Asks for a session now with the pending events ({@code 2 PERIODIC} when none is pending). */
    public void informNow() {
        engine.informNow(state);
    }

    /**
     * Changes a value on the device's side (a user, a DHCP lease): with active notification the device
     * informs at once with {@code 4 VALUE CHANGE}, with passive notification in its next session.
     *
     * @return false when the device has no such parameter
     */
    public boolean changeLocally(String path, String value) {
        return engine.changeLocally(state, path, value);
    }

    /** Where the device listens for connection requests (empty when the simulator does not listen). */
    public Optional<String> connectionRequestUrl() {
        return Optional.ofNullable(connectionRequestUrl);
    }

    /** Events waiting for the next Inform. */
    public List<EventStruct> pendingEvents() {
        return state.pendingEvents();
    }

    /** Whether an ACS has acknowledged the device's {@code 0 BOOTSTRAP} since its last factory reset. */
    public boolean hasBootstrapped() {
        return state.bootstrapped();
    }

    /**
     * Whether the device stopped talking to the ACS (RouterOS upgraded without its tr069-client package).
     */
    public boolean isSilenced() {
        return state.silenced();
    }

    /** How many times the device booted (power on, reboots, factory resets, firmware upgrades). */
    public int boots() {
        return state.boots();
    }

    /** How many sessions the device has run (completed or failed). */
    public int sessions() {
        return state.sessions();
    }

    /** The last RouterOS script ({@code .alter} configuration file) the device ran, if any. */
    public Optional<String> lastScript() {
        return state.lastScript();
    }

    /** How many values this device keeps beyond its shared profile. */
    public int overlaySize() {
        return state.overlaySize();
    }

    @Override
    public String toString() {
        return "SimulatedDevice[" + serialNumber() + ", " + profile.name() + "]";
    }
}
