package org.chatserver.web.gateway;

import java.lang.reflect.Field;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;

import org.chatserver.ejb.config.ChatConfig;

/**
 * Gives the container's WebSocket implementation a plain scheduler for its per-session idle timers, and an idle
 * timeout that every session has from its start.
 *
 * <p>Why: Tyrus (the Jakarta WebSocket implementation of Payara) restarts a session's idle timer on every frame sent
 * or received, by cancelling one task and scheduling another on the executor its container was given. Payara gives it
 * the default managed scheduled executor, which captures the caller's context for every task: a {@code ServiceLoader}
 * scan through the thread's class loader (every jar of the application, on a request thread), a tracing lookup, and
 * with no idle timeout a context set-up per task run. Profiles of {@code chat-bench fanout} showed this as the largest
 * single cost of both delivering and receiving frames. Neither Jakarta WebSocket nor Tyrus's settings name another
 * executor, and no library offers one, so this listener replaces, once at start-up and before any session opens, the
 * executor the container hands to its sessions.
 *
 * <p>The replacement is the {@link GatewayScheduler}'s timer wheel ({@link WheelScheduledExecutor}): scheduling and
 * cancelling a timer on it take no lock, a cancelled timer leaves the wheel at its next tick, so that rescheduling on
 * every frame leaves nothing behind, and a due timer runs on a thread from the container's managed thread factory
 * (so the rare idle close runs in the application's context). If the container is not the Tyrus this was written
 * for, a warning is logged and the executor is left as it is: delivery works, only slower.
 *
 * <p>The idle timeout is only a backstop, {@value #IDLE_TIMEOUT_HEARTBEATS} heartbeat intervals: {@link
 * HeartbeatWatchdog} closes a silent client first, after two intervals and with the code PROTOCOL.md names, so the
 * timers are cancelled long before they would run. It is the container's default rather than set per session,
 * because Tyrus schedules a session's first timer as it creates the session, with the default timeout: with the
 * default of zero that timer is due at once, and if it runs just after the session was given its own timeout, it
 * closes the session (seen as "closed with 1000 before hello", a few connects in 10,000 on a loaded machine). A
 * non-zero timeout is also why the default is set at all: with none, every frame's timer would run at once instead of
 * being cancelled by the next frame.
 *
 * <p>Thread-safe: the replacement happens in {@link #contextInitialized}, before the endpoint takes connections.
 */
@WebListener
public class IdleTimerScheduler implements ServletContextListener {

    /** Where Tyrus's container ({@code org.glassfish.tyrus.core.BaseContainer}) keeps the executor it hands out. */
    private static final String TYRUS_EXECUTOR_FIELD = "managedScheduledExecutorService";

    /** The sessions' idle timeout, in heartbeat intervals: a backstop behind the {@link HeartbeatWatchdog}. */
    private static final int IDLE_TIMEOUT_HEARTBEATS = 4;

    private static final Logger LOG = Logger.getLogger(IdleTimerScheduler.class.getName());

    @Inject
    GatewayScheduler scheduler;

    @Inject
    ChatConfig config;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
        if (container instanceof ServerContainer server) {
            server.setDefaultMaxSessionIdleTimeout(IDLE_TIMEOUT_HEARTBEATS * config.heartbeatMs());
        }
        Field executor = container == null ? null : findField(container.getClass());
        if (executor == null) {
            LOG.warning("WebSocket idle timers stay on the managed executor: the container is not the expected Tyrus"
                    + " (each frame costs a context capture)");
            return;
        }
        try {
            executor.setAccessible(true);
            executor.set(container, scheduler.idleTimers());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "WebSocket idle timers stay on the managed executor", e);
        }
    }

    /** The executor field of {@code type} or a superclass, if it has one of type {@link ScheduledExecutorService}. */
    private static Field findField(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(TYRUS_EXECUTOR_FIELD) && field.getType() == ScheduledExecutorService.class) {
                    return field;
                }
            }
        }
        return null;
    }
}
