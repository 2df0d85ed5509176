package dev.cwmp.session;

import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.Upload;
import java.util.List;
import java.util.Objects;

/**
 * What a queued task asks of a device. Each action becomes one or more ACS requests in the
 * device's next session; the task is done when the CPE has answered all of them.
 */
public sealed interface TaskAction {

    /** The action's name as GenieACS's NBI spells it (e.g. {@code getParameterValues}). */
    String name();

    /** Reads the values of leaf parameters (GetParameterValues). */
    record GetParameterValues(List<String> parameterNames) implements TaskAction {
        public GetParameterValues {
            parameterNames = List.copyOf(parameterNames);
            if (parameterNames.isEmpty()) {
                throw new IllegalArgumentException("getParameterValues needs at least one name");
            }
        }

        @Override
        public String name() {
            return "getParameterValues";
        }
    }

    /** Writes values (SetParameterValues, with xsi:type on every value). */
    record SetParameterValues(List<ParameterValueStruct> values, String parameterKey) implements TaskAction {
        public SetParameterValues {
            values = List.copyOf(values);
            Objects.requireNonNull(parameterKey, "parameterKey");
            if (values.isEmpty()) {
                throw new IllegalArgumentException("setParameterValues needs at least one value");
            }
        }

        @Override
        public String name() {
            return "setParameterValues";
        }
    }

    /**
     * Refreshes a subtree: GetParameterNames on the path, then GetParameterValues of every leaf
     * found, in batches. The path is a partial path ({@code Device.WiFi.}) or a parameter.
     */
    record RefreshObject(String path) implements TaskAction {
        public RefreshObject {
            Objects.requireNonNull(path, "path");
            if (path.isEmpty()) {
                throw new IllegalArgumentException("refreshObject needs a path");
            }
        }

        @Override
        public String name() {
            return "refreshObject";
        }
    }

    /** Creates an instance of a multi-instance object ({@code Device.WiFi.SSID.}). */
    record AddObject(String objectPath, String parameterKey) implements TaskAction {
        public AddObject {
            requirePartialPath(objectPath);
            Objects.requireNonNull(parameterKey, "parameterKey");
        }

        @Override
        public String name() {
            return "addObject";
        }
    }

    /** Deletes an instance ({@code Device.WiFi.SSID.3.}). */
    record DeleteObject(String objectPath, String parameterKey) implements TaskAction {
        public DeleteObject {
            requirePartialPath(objectPath);
            Objects.requireNonNull(parameterKey, "parameterKey");
        }

        @Override
        public String name() {
            return "deleteObject";
        }
    }

    /** Reboots the device. */
    record Reboot(String commandKey) implements TaskAction {
        public Reboot {
            Objects.requireNonNull(commandKey, "commandKey");
        }

        @Override
        public String name() {
            return "reboot";
        }
    }

    /** Resets the device to its factory defaults. */
    record FactoryReset() implements TaskAction {
        @Override
        public String name() {
            return "factoryReset";
        }
    }

    /** Starts a download (firmware, configuration file, ...). */
    record DownloadFile(Download download) implements TaskAction {
        public DownloadFile {
            Objects.requireNonNull(download, "download");
        }

        @Override
        public String name() {
            return "download";
        }
    }

    /** Starts an upload (configuration or log file). */
    record UploadFile(Upload upload) implements TaskAction {
        public UploadFile {
            Objects.requireNonNull(upload, "upload");
        }

        @Override
        public String name() {
            return "upload";
        }
    }

    /** Asks the device to inform again after a delay. */
    record ScheduleInform(long delaySeconds, String commandKey) implements TaskAction {
        public ScheduleInform {
            if (delaySeconds < 1 || delaySeconds > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("delaySeconds must be 1..4294967295: " + delaySeconds);
            }
            Objects.requireNonNull(commandKey, "commandKey");
        }

        @Override
        public String name() {
            return "scheduleInform";
        }
    }

    private static void requirePartialPath(String path) {
        Objects.requireNonNull(path, "objectPath");
        if (!path.endsWith(".")) {
            throw new IllegalArgumentException("an object path ends with '.': " + path);
        }
    }
}
