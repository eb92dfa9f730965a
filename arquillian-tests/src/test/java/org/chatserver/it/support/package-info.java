/**
 * What the integration tests share: a protocol client that speaks PROTOCOL.md over real HTTP and WebSocket
 * connections (JDK HttpClient), the test stack's coordinates and controls (stopping and starting one service), a
 * Payara Micro process of a test's own, a TCP proxy that makes a server look down, and the server's heap as measured
 * with jcmd. All traffic goes to 127.0.0.1.
 */
package org.chatserver.it.support;
