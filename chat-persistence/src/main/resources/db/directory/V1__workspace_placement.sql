-- The directory: which shard holds each workspace. One small table, read once per workspace and cached.
CREATE TABLE workspace_placement (
    workspace_id VARCHAR(64) NOT NULL,
    shard_index  INT         NOT NULL,
    created_at   BIGINT      NOT NULL,
    PRIMARY KEY (workspace_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
