-- The outbox is keyed by its message, (channel_id, seq), instead of an AUTO_INCREMENT id. Rows with a database-made
-- key are inserted one statement each (the application must read every new id back), while a group commit stores
-- many sends in one transaction and inserts their outbox entries in one batch. The unique index becomes the key.
ALTER TABLE outbox DROP COLUMN id, DROP INDEX ux_outbox_message, ADD PRIMARY KEY (channel_id, seq);
