/**
 * The transactional outbox: a row per message committed but not yet confirmed published to Kafka, written in the
 * message's own transaction, so a commit can never be lost between the database and the broker.
 */
package org.chatserver.persistence.outbox;
