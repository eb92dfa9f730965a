/**
 * What the integration tests share: a protocol client that speaks PROTOCOL.md over real HTTP and WebSocket
 * connections (JDK HttpClient), and the test stack's coordinates. All traffic goes to 127.0.0.1.
 */
package org.chatserver.it.support;
