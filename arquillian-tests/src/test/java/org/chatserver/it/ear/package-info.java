/**
 * The EAR on a real Payara Server: a fresh domain of the Payara Server distribution, set up and deployed by the same
 * asadmin script that {@code ./chat payara-server-script} writes for operators, then the first message end to end.
 */
package org.chatserver.it.ear;
