-- The sample resource. Lists are ordered by (created_at, id): keyset pagination (ItemCursor).
CREATE TABLE items (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    description text        NULL CHECK (length(description) <= 1000),
    created_at  timestamptz NOT NULL
);

CREATE INDEX items_list_order ON items (created_at, id);
