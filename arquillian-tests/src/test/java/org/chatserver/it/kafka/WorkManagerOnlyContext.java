package org.chatserver.it.kafka;

import java.util.Timer;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The container's bootstrap context as far as the adapter uses it: it offers a work manager and nothing else.
 *
 * @param workManager what {@link #getWorkManager()} returns
 */
record WorkManagerOnlyContext(WorkManager workManager) implements BootstrapContext {

    private static final String NOT_USED = "not used by the adapter";

    @Override
    public WorkManager getWorkManager() {
        return workManager;
    }

    @Override
    public XATerminator getXATerminator() {
        throw new UnsupportedOperationException(NOT_USED);
    }

    @Override
    public Timer createTimer() {
        throw new UnsupportedOperationException(NOT_USED);
    }

    @Override
    public boolean isContextSupported(Class<? extends WorkContext> workContextClass) {
        return false;
    }

    @Override
    public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
        throw new UnsupportedOperationException(NOT_USED);
    }
}
