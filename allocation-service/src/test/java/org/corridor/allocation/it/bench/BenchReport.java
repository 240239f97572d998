package org.corridor.allocation.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The text a benchmark run leaves behind: what the machine was (cores, memory, kernel, the commit measured) and how
 * loaded it was before and after (the machine is shared, so a number means little without its load), then the
 * measurements as sections of plain lines. Written whole at the end and again after each section, so an interrupted run
 * still leaves what it measured.
 */
final class BenchReport {

    private final Path file;
    private final List<String> lines = new ArrayList<>();

    BenchReport(Path file) {
        this.file = file;
    }

    void section(String title) {
        lines.add("");
        lines.add("== " + title);
    }

    void line(String format, Object... args) {
        String l = args.length == 0 ? format : String.format(format, args);
        lines.add(l);
        System.out.println(l);
    }

    /** Date, cores, memory, kernel, JVM, commit, load: one line each. */
    void machine(String when) {
        line("%s: %s UTC", when, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        line("  nproc %d, %s, %s", Runtime.getRuntime().availableProcessors(), firstLine("/proc/meminfo"),
                command("uname", "-sr"));
        line("  uptime: %s", command("uptime"));
        line("  /proc/loadavg: %s", firstLine("/proc/loadavg"));
    }

    /** The commit measured (and whether the worktree had changes), the JVM of the client. */
    void build() {
        line("commit %s%s, client JVM %s %s", command("git", "rev-parse", "--short", "HEAD"),
                command("git", "status", "--porcelain", "--untracked-files=no").isBlank() ? "" : " (with changes)",
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
    }

    void write() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    Path file() {
        return file;
    }

    private static String firstLine(String path) {
        try {
            return Files.readAllLines(Path.of(path)).get(0).replaceAll("\\s+", " ");
        } catch (IOException | IndexOutOfBoundsException e) {
            return path + " unreadable";
        }
    }

    private static String command(String... args) {
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return String.join(" ", args) + " unavailable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
