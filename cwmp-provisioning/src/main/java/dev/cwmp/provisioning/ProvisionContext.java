package dev.cwmp.provisioning;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.DeviceId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a {@link Provision} can do, in the spirit of GenieACS's provision scripts: declare the
 * desired state of parameters and let the engine work out the fewest requests to reach it.
 *
 * <p>Declarations are desired state, not commands: {@link #declare} returns what the ACS knows now
 * (possibly nothing yet); the engine then reads what is missing or too old, sets what differs,
 * adds or deletes instances, and runs the provision again with the answers, until a run declares
 * nothing that is still pending. Valid only during the run it is passed to.
 */
public interface ProvisionContext {

    /** The device being provisioned. */
    DeviceId deviceId();

    /** When the session started (the ACS's clock): the natural timestamp for "read in this session". */
    Instant now();

    /**
     * Declares the state of a path and returns the entries the ACS holds for it now.
     *
     * <p>The path is a parameter ({@code Device.WiFi.SSID.1.SSID}), a partial path
     * ({@code Device.WiFi.}), or a pattern with {@code *} or instance keys
     * ({@code Device.WiFi.SSID.*.SSID}, {@code Device.IP.Interface.[Name:wan].Enable}). What the
     * ACS does not know is discovered with GetParameterNames; what was read before the
     * {@code timestamps} is read again; a {@link Values#value() value} is set (with the xsi:type the
     * device reported) only where it differs from what was read; an
     * {@link Values#instances() instance count} adds or deletes instances of the pattern's object.
     *
     * @throws ProvisioningException when the path is not a valid path or pattern, or the values do
     *     not fit it (a value for an object, a count for a path not ending with {@code *} or keys)
     */
    List<ParameterTree.Entry> declare(String path, Timestamps timestamps, Values values);

    /** Forgets what was read of the path before {@code time}: it is read again when next declared. */
    void clear(String path, Instant time);

    /**
     * Makes what was declared so far happen before the provision goes on: when something is
     * pending, the run stops here and the provision is run again after the CPE has answered.
     */
    void commit();

    /**
     * Calls the application's function {@code name} (registered with
     * {@link ProvisioningDriver.Builder#extension}) with the arguments, bounded by
     * {@link ProvisioningOptions#extensionTimeout()}. The result is remembered for the session.
     *
     * @throws ProvisioningException when no such function is registered, or it failed or timed out
     */
    Object ext(String name, List<Object> args);

    /** Writes a line to the log, with the device's id. */
    void log(String message);

    /** The device's tags as this session has changed them so far. */
    Set<String> tags();

    /**
     * Adds ({@code present}) or removes a tag; saved with the device record when the session ends.
     * The change belongs to the channel of the preset that runs the provision: it is undone when that
     * channel faults in this session, or when a Download the channel sent in this session later fails
     * or times out (unless a later session changed the tag again).
     */
    void tag(String tag, boolean present);

    /** Reboots the device once in this session, after everything else declared is done. */
    void reboot();

    /** Resets the device to its factory defaults once in this session, after everything else is done. */
    void factoryReset();

    /**
     * Asks the device to download a file ({@code "1 Firmware Upgrade Image"}, url, target name or
     * ""), after everything else declared is done: one Download per session, with a CommandKey of
     * the engine's own. When the CPE answers it will complete later, the transfer is tracked until
     * its TransferComplete (or its timeout); while it is pending, declaring the same download again
     * from the same channel sends nothing.
     */
    void download(String fileType, String url, String targetFileName);

    /**
     * {@link #download(String, String, String)} with the file's size in bytes, sent as the
     * Download's FileSize (the CPE may check it; 0 for unknown). Contexts that do not send sizes
     * ignore it.
     */
    default void download(String fileType, String url, String targetFileName, long fileSize) {
        if (fileSize < 0) {
            throw new ProvisioningException("a file size is not negative: " + fileSize);
        }
        download(fileType, url, targetFileName);
    }
}
