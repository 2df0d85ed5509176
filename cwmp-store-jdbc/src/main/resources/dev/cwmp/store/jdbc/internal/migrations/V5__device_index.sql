-- Devices found by the fields the NBI's queries name, without reading every row: an index per
-- identity column, on the manufacturer and on the last inform, and the tags of each device in a
-- table of their own (kept in step with the record in the same transaction as every write of it).
-- Rows written before this version get their tags from their records when this migration runs
-- (in Java: the records are blobs, see Database.JAVA_STEPS).
CREATE INDEX cwmp_devices_oui ON cwmp_devices (oui);
CREATE INDEX cwmp_devices_product_class ON cwmp_devices (product_class);
CREATE INDEX cwmp_devices_serial_number ON cwmp_devices (serial_number);
CREATE INDEX cwmp_devices_manufacturer ON cwmp_devices (manufacturer);
CREATE INDEX cwmp_devices_last_inform ON cwmp_devices (last_inform_ms);
CREATE TABLE cwmp_device_tags (
    device_id VARCHAR(800) NOT NULL,
    tag VARCHAR(128) NOT NULL,
    PRIMARY KEY (device_id, tag)
);
CREATE INDEX cwmp_device_tags_tag ON cwmp_device_tags (tag, device_id);
