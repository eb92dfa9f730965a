/**
 * The local development stack: one launcher ({@link org.chatserver.stack.ChatStack}) that brings up everything the
 * chat server needs on a developer machine (JWT keys, MariaDB, Redis, a single-node Kafka broker, Payara Micro with
 * the application) and writes the Payara Micro command files that the integration tests reuse, and the asadmin script
 * that sets up a Payara Server domain for the EAR ({@code ./chat payara-server-script}).
 *
 * <p>Each concern lives in its own small class: {@link org.chatserver.stack.StackConfig} (every setting, from the
 * environment), one class per service ({@link org.chatserver.stack.MariaDbService},
 * {@link org.chatserver.stack.RedisService}, {@link org.chatserver.stack.KafkaService},
 * {@link org.chatserver.stack.PayaraMicroService}), the asadmin files (pure and unit-tested:
 * {@link org.chatserver.stack.PayaraCommandFiles} for Micro and {@link org.chatserver.stack.PayaraServerScript} for
 * Payara Server, both built from {@link org.chatserver.stack.PayaraResources} and
 * {@link org.chatserver.stack.ChatSystemProperties} in an {@link org.chatserver.stack.AsadminSyntax}), and process
 * supervision ({@link org.chatserver.stack.ProcessStarter},
 * {@link org.chatserver.stack.ServiceProcess}, {@link org.chatserver.stack.PidRegistry}).
 *
 * <p>Everything binds to loopback by default; external services are used when they already answer on the configured
 * ports, and embedded ones are only ever started on loopback addresses.
 */
package org.chatserver.stack;
