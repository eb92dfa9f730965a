package org.chatserver.web.gateway;

import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;

/**
 * Closes with 1001 the connections whose client sent no frame for two heartbeat intervals (PROTOCOL.md), checking
 * every half interval, so a dead client is let go within two and a half intervals.
 */
@Singleton
@Startup
public class HeartbeatWatchdog {

    /** PROTOCOL.md: after two intervals without any frame from the client. */
    private static final int MISSED_HEARTBEATS = 2;

    /** Checks per heartbeat interval. */
    private static final int CHECKS_PER_INTERVAL = 2;

    @Inject
    ChatConfig config;

    @Inject
    OpenConnections open;

    @Resource
    TimerService timers;

    @PostConstruct
    void schedule() {
        long every = config.heartbeatMs() / CHECKS_PER_INTERVAL;
        timers.createIntervalTimer(every, every, new TimerConfig(null, false));
    }

    @Timeout
    void closeSilentClients() {
        open.closeSilent(TimeUnit.MILLISECONDS.toNanos(MISSED_HEARTBEATS * config.heartbeatMs()));
    }
}
