-- Files served to CPEs, shared by every node: the metadata by name, the content in chunks of an
-- immutable version. A replaced or deleted file's content is orphaned (orphaned_ms set) and its
-- chunks deleted an hour later, so readers that started on it finish reading it.
CREATE TABLE cwmp_file_contents (
    content_id VARCHAR(36) NOT NULL PRIMARY KEY,
    orphaned_ms BIGINT
);
CREATE INDEX cwmp_file_contents_orphaned ON cwmp_file_contents (orphaned_ms);
CREATE TABLE cwmp_file_chunks (
    content_id VARCHAR(36) NOT NULL,
    seq INT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (content_id, seq)
);
CREATE TABLE cwmp_files (
    name VARCHAR(1024) NOT NULL PRIMARY KEY,
    content_id VARCHAR(36) NOT NULL,
    file_type VARCHAR(1024) NOT NULL,
    oui VARCHAR(256) NOT NULL,
    product_class VARCHAR(256) NOT NULL,
    version VARCHAR(1024) NOT NULL,
    length BIGINT NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    uploaded VARCHAR(64) NOT NULL
);

-- Texts by key in named collections (the standalone server's provisions, virtual parameters and
-- objects), with a version per collection moved in the same transaction as every change.
CREATE TABLE cwmp_texts (
    collection VARCHAR(64) NOT NULL,
    text_key VARCHAR(1024) NOT NULL,
    text_value VARCHAR NOT NULL,
    PRIMARY KEY (collection, text_key)
);
CREATE TABLE cwmp_text_versions (
    collection VARCHAR(64) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
