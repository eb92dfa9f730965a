-- The relay confirms an entry by (channel_id, seq). Without an index that DELETE scans the whole outbox and, under
-- InnoDB's repeatable read, locks every row and gap it scans, so each confirmation blocked concurrent sends' outbox
-- inserts: chat-bench throughput found sends serialised behind it. One entry per message, so the index is unique.
CREATE UNIQUE INDEX ux_outbox_message ON outbox (channel_id, seq);
