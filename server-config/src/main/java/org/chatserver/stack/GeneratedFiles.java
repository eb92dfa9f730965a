package org.chatserver.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Writes generated files: UTF-8, through a temporary sibling moved into place (a reader never sees half a file), and
 * not at all when the content is unchanged (so tools watching the file see no change).
 *
 * <p>Stateless and thread-safe; two writers of the same file at once are not supported.
 */
final class GeneratedFiles {

    private GeneratedFiles() {
    }

    /**
     * @param file    the file to write; its folder must exist
     * @param content the whole content
     * @throws IOException if it cannot be written
     */
    static void write(Path file, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
