package dev.cwmp.datamodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The definition of a parameter of a data model.
 *
 * @param path the definition path, e.g. {@code Device.WiFi.SSID.{i}.SSID}
 * @param name the parameter's own name, e.g. {@code SSID}
 * @param type the data type with its facets
 * @param access {@link Access#READ_WRITE} when the ACS may set it
 * @param defaultValue the default the model gives, if any
 * @param status the life-cycle status of the definition
 * @param flags further facts from the model (secured, hidden, forced inform, ...)
 */
public record ParameterDefinition(
        String path,
        String name,
        DataType type,
        Access access,
        Optional<DefaultValue> defaultValue,
        Status status,
        Set<Flag> flags) {

    public ParameterDefinition {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(status, "status");
        if (!path.endsWith(name) || path.length() <= name.length()
                || path.charAt(path.length() - name.length() - 1) != '.') {
            throw new IllegalArgumentException("path " + path + " does not end with name " + name);
        }
        flags = Set.copyOf(flags);
    }

    /** The definition path of the object holding this parameter, e.g. {@code Device.WiFi.SSID.{i}.}. */
    public String objectPath() {
        return path.substring(0, path.length() - name.length());
    }

    /** The units of the value, e.g. {@code seconds}. */
    public Optional<String> units() {
        return type.units();
    }

    /** Whether the ACS may set the parameter. */
    public boolean isWritable() {
        return access.isWritable();
    }

    /** Whether the model marks the value secret: reads return an empty string (passwords, keys). */
    public boolean isSecret() {
        return flags.contains(Flag.SECURED) || flags.contains(Flag.HIDDEN);
    }

    /** Checks a wire value against the type and its facets. */
    public Validation validate(String value) {
        return type.validate(value);
    }

    /**
     * Checks a value the ACS is about to write (SetParameterValues): like {@link #validate(String)}, and the
     * parameter must be writable and the value must not be one the model reserves for the device to report
     * (e.g. {@code Complete} of a DiagnosticsState).
     */
    public Validation validateWrite(String value) {
        Validation validation = type.validate(value);
        boolean readOnly = !access.isWritable();
        boolean reserved = type.readOnlyEnumerations().contains(value);
        if (!readOnly && !reserved) {
            return validation;
        }
        List<Validation.Violation> violations = new ArrayList<>(validation.violations().size() + 1);
        if (readOnly) {
            violations.add(new Validation.Violation(Validation.Rule.NOT_WRITABLE, path + " is read-only"));
        }
        if (reserved) {
            violations.add(new Validation.Violation(Validation.Rule.NOT_WRITABLE,
                    "\"" + value + "\" may be reported by the device but not written"));
        }
        violations.addAll(validation.violations());
        return new Validation(violations);
    }

    /**
     * Checks a value read from a device: like {@link #validate(String)}, but accepts the empty string that a
     * secret or command parameter returns on every read, whatever its facets say.
     */
    public Validation validateRead(String value) {
        if (value.isEmpty() && (isSecret() || flags.contains(Flag.COMMAND))) {
            return Validation.valid();
        }
        return type.validate(value);
    }

    /**
     * Converts a wire value to a typed value.
     *
     * @throws DataModelException when the value is not valid, with the failed rules
     */
    public TypedValue parse(String value) {
        return type.parse(value);
    }

    /**
     * A default value.
     *
     * @param kind which default the model gives (object creation, factory reset, implementation)
     * @param value the value as wire text
     */
    public record DefaultValue(Kind kind, String value) {
        public DefaultValue {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }

        /** The XML {@code default type} attribute. */
        public enum Kind {
            /** The value of a new instance ({@code object}). */
            OBJECT,
            /** The value after a factory reset ({@code factory}). */
            FACTORY,
            /** A default the implementation chooses ({@code implementation}). */
            IMPLEMENTATION
        }
    }

    /** Facts the model states about a parameter besides its type and access. */
    public enum Flag {
        /** {@code secured="true"}: the value is secret, reads return an empty string. */
        SECURED,
        /** {@code hidden="true"} (older models): reads return an empty string. */
        HIDDEN,
        /** {@code command="true"}: writing triggers an action, reads return an empty string. */
        COMMAND,
        /** {@code forcedInform="true"}: always in the Inform. */
        FORCED_INFORM,
        /** {@code activeNotify="canDeny"}: the CPE may refuse active notification. */
        ACTIVE_NOTIFY_CAN_DENY,
        /** {@code activeNotify="forceEnabled"}: active notification is always on. */
        ACTIVE_NOTIFY_FORCE_ENABLED,
        /** {@code activeNotify="forceDefaultEnabled"}: active notification is on by default. */
        ACTIVE_NOTIFY_FORCE_DEFAULT_ENABLED
    }
}
