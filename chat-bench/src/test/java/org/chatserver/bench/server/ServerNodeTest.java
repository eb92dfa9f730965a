package org.chatserver.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerNodeTest {

    @Test
    void nodeOnesPidIsInPayaraPidAndNodeNsInPayaraNPid(@TempDir Path stack) throws Exception {
        long alive = ProcessHandle.current().pid();
        Path run = Files.createDirectories(stack.resolve("run"));
        ServerNode node = new ServerNode(stack, Path.of("./chat"));
        assertEquals(-1, node.pid());
        assertFalse(node.isRunning(2));

        Files.writeString(run.resolve("payara-2.pid"), "pid=" + alive + "\n");
        assertEquals(alive, node.pid(2));
        assertTrue(node.isRunning(2));
        assertEquals(-1, node.pid(), "node 2's file does not name node 1");
        assertEquals(-1, node.pid(3));

        Files.writeString(run.resolve("payara.pid"), "pid=" + alive + "\n");
        assertEquals(alive, node.pid());
        assertEquals(alive, node.pid(1));
    }

    @Test
    void nodesAreNumberedFromOne(@TempDir Path dir) {
        ServerNode node = new ServerNode(dir, dir.resolve("no-launcher"));
        Path log = dir.resolve("log");
        assertThrows(IllegalArgumentException.class, () -> node.start(0, log));
        assertThrows(IllegalArgumentException.class, () -> node.stop(-1, log));
        assertThrows(IllegalArgumentException.class, () -> node.restart(0, log));
        assertThrows(IllegalArgumentException.class, () -> node.kill(0));
    }

    @Test
    void killEndsTheRecordedProcessAsACrashWould(@TempDir Path dir) throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("payara-2.pid"), "pid=" + sleeper.pid() + "\n");
        ServerNode node = new ServerNode(dir, dir.resolve("no-launcher"));

        assertTrue(node.kill(2));

        assertFalse(sleeper.isAlive());
        assertEquals(137, sleeper.exitValue(), "SIGKILL, not TERM");
        assertFalse(node.kill(2), "nothing left to kill");
    }

    @Test
    void launcherCommandsNameTheNodeAndAnswerTheLaunchersExitCode(@TempDir Path dir) throws Exception {
        Path launcher = dir.resolve("chat");
        Files.writeString(launcher, "#!/bin/sh\necho \"$@\"\nexit 3\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        ServerNode node = new ServerNode(dir, launcher);
        Path log = dir.resolve("log");

        assertEquals(3, node.start(1, log));
        assertEquals("node start 1", Files.readString(log).trim());
        assertEquals(3, node.start(2, log));
        assertEquals("node start 2", Files.readString(log).trim());
        assertEquals(3, node.stop(3, log));
        assertEquals("node stop 3", Files.readString(log).trim());
        assertEquals(3, node.restart(1, log));
        assertEquals("node restart 1", Files.readString(log).trim());
    }
}
