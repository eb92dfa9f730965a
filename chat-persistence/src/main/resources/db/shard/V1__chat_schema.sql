-- One shard: the workspaces placed on it and everything they own. Ids compare byte-wise (utf8mb4_bin).
CREATE TABLE workspace (
    id         VARCHAR(64) NOT NULL,
    created_at BIGINT      NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE chat_user (
    workspace_id VARCHAR(64)  NOT NULL,
    user_id      VARCHAR(64)  NOT NULL,
    display_name VARCHAR(200) NULL,
    created_at   BIGINT       NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- last_seq is the channel sequence: the row is locked to append, so seq is gap-free per channel.
CREATE TABLE channel (
    id           VARCHAR(36)  NOT NULL,
    workspace_id VARCHAR(64)  NOT NULL,
    name         VARCHAR(80)  NULL,
    kind         VARCHAR(10)  NOT NULL,
    dm_key       VARCHAR(140) NULL,
    last_seq     BIGINT       NOT NULL DEFAULT 0,
    member_count INT          NOT NULL DEFAULT 0,
    created_by   VARCHAR(64)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_channel_name (workspace_id, name),
    UNIQUE KEY uk_channel_dm (workspace_id, dm_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE membership (
    channel_id         VARCHAR(36) NOT NULL,
    user_id            VARCHAR(64) NOT NULL,
    workspace_id       VARCHAR(64) NOT NULL,
    joined_at          BIGINT      NOT NULL,
    last_read_seq      BIGINT      NOT NULL DEFAULT 0,
    last_delivered_seq BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (channel_id, user_id),
    KEY ix_membership_user (workspace_id, user_id, channel_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The client message id is unique per sender, and a sender is the pair (workspace, user).
CREATE TABLE message (
    channel_id    VARCHAR(36) NOT NULL,
    seq           BIGINT      NOT NULL,
    id            VARCHAR(36) NOT NULL,
    workspace_id  VARCHAR(64) NOT NULL,
    sender_id     VARCHAR(64) NOT NULL,
    client_msg_id VARCHAR(64) NOT NULL,
    body          TEXT        NOT NULL,
    ts            BIGINT      NOT NULL,
    PRIMARY KEY (channel_id, seq),
    UNIQUE KEY uk_message_id (id),
    UNIQUE KEY uk_message_client (workspace_id, sender_id, client_msg_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Messages committed but not yet confirmed published to Kafka.
CREATE TABLE outbox (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    channel_id VARCHAR(36) NOT NULL,
    seq        BIGINT      NOT NULL,
    created_at BIGINT      NOT NULL,
    PRIMARY KEY (id),
    KEY ix_outbox_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
