/**
 * The outbox relay: publishes committed messages to Kafka after commit, and republishes whatever Kafka has not
 * confirmed, so that with Kafka down sends are still acked and live delivery resumes, in order, when it is back.
 */
package org.chatserver.ejb.outbox;
