package org.chatserver.stack;

/**
 * One step of the stack that may start a process: MariaDB, Redis, Kafka, Payara Micro. A service either uses an
 * existing server that answers on its configured address, or starts its own and hands the process to the
 * {@link ProcessTracker} as soon as it exists (before waiting for readiness), so that a failure or Ctrl-C during the
 * wait still stops it.
 *
 * <p>Implementations are used from one thread at a time.
 */
interface StackService {

    /** @return the service name used in output, log and pid file names, e.g. {@code kafka} */
    String name();

    /**
     * Makes the service available, reporting each step.
     *
     * @param progress console output
     * @param tracker  receives every process started
     * @throws StepFailedException if the service cannot be made available
     */
    void start(Progress progress, ProcessTracker tracker) throws StepFailedException;

    /** Receives the processes the services start. */
    @FunctionalInterface
    interface ProcessTracker {
        /**
         * @param process   the process just started
         * @param endpoints what it will listen on, for {@code status}
         */
        void started(ServiceProcess process, String endpoints);
    }
}
