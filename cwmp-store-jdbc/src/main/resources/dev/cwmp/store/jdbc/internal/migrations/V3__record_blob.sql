-- Device records as a compact blob (RecordCodec, about a seventh of the JSON): a save rewrites the
-- row, so its size is the cost of a session. Rows written before keep their JSON until their next
-- write; a row has one or the other.
ALTER TABLE cwmp_devices ADD COLUMN record_bin BYTEA;
ALTER TABLE cwmp_devices ALTER COLUMN record_json DROP NOT NULL;
