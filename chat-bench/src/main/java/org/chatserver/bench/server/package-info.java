/**
 * The server nodes under test as the load generator sees them from outside: their processes (pid from the local
 * stack's {@code <state>/run/payara.pid}, {@code payara-N.pid} for node N), node 1's heap (jcmd {@code GC.run} then
 * {@code GC.heap_info}) and resident memory ({@code /proc/<pid>/status}), starting, stopping and restarting nodes
 * through the stack ({@code ./chat node start|stop|restart N}), and JFR profiles summarised into hot methods.
 * Nothing here uses server classes.
 */
package org.chatserver.bench.server;
