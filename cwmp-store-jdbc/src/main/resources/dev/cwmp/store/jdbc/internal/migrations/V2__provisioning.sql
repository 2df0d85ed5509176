-- Per-device provisioning state (faults, pending transfers, configuration status) as JSON, with the
-- status in an indexed column so that summaries are counted by the database.
CREATE TABLE cwmp_provisioning (
    device_id VARCHAR(800) NOT NULL PRIMARY KEY,
    state VARCHAR(16) NOT NULL,
    state_json VARCHAR NOT NULL
);
CREATE INDEX cwmp_provisioning_state ON cwmp_provisioning (state, device_id);

-- Faults, one row per device and channel, for operators' lists.
CREATE TABLE cwmp_faults (
    device_id VARCHAR(800) NOT NULL,
    channel VARCHAR(512) NOT NULL,
    fault_json VARCHAR NOT NULL,
    PRIMARY KEY (device_id, channel)
);

-- Presets by name; the version counter moves on every change.
CREATE TABLE cwmp_presets (
    name VARCHAR(512) NOT NULL PRIMARY KEY,
    preset_json VARCHAR NOT NULL
);
CREATE TABLE cwmp_preset_version (
    id INT NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO cwmp_preset_version (id, version) VALUES (1, 0);
