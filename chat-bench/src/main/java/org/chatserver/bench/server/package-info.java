/**
 * The server node under test as the load generator sees it from outside: its process (pid from the local stack's
 * {@code <state>/run/payara.pid}), its heap (jcmd {@code GC.run} then {@code GC.heap_info}) and resident memory
 * ({@code /proc/<pid>/status}), its restart by the stack ({@code ./chat node restart}), and JFR profiles of it
 * summarised into hot methods. Nothing here uses server classes.
 */
package org.chatserver.bench.server;
