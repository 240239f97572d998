package org.corridor.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Stops what a {@link CorridorSystem} started when the JVM that started it dies without stopping them itself
 * ({@code kill -9}, a crash, the out-of-memory killer). It is a small JVM of its own, started before anything else, in
 * a session of its own (so that Ctrl-C in the terminal does not reach it), and the system tells it on its standard
 * input what it starts:
 * <ul>
 * <li>{@code service PID}: a service process;</li>
 * <li>{@code postgres kept|temporary DATA_DIR}: the PostgreSQL server of that data directory (its postmaster's PID is
 * read from {@code postmaster.pid} when needed, as pg_ctl does), the directory to be deleted afterwards if
 * temporary;</li>
 * <li>{@code done}: everything was stopped in good order; the watchdog exits.</li>
 * </ul>
 * The end of its input without {@code done} means the owner is gone: the kernel closes the pipe when a process dies,
 * however it dies. It also checks every second that the owner still runs. Then it stops the services (SIGTERM, SIGKILL
 * after {@value #SERVICE_GRACE_SECONDS} s) and PostgreSQL (fast shutdown, immediate shutdown after
 * {@value #POSTGRES_GRACE_SECONDS} s), logs what it did and exits.
 */
public final class Watchdog {

    static final int SERVICE_GRACE_SECONDS = 10;
    static final int POSTGRES_GRACE_SECONDS = 10;

    private final ProcessHandle owner;
    private final PrintStream log;
    private final List<ProcessHandle> services = new ArrayList<>();
    private final List<Path> dataDirs = new ArrayList<>();
    private final List<Path> temporary = new ArrayList<>();
    private final CountDownLatch inputEnded = new CountDownLatch(1);
    private volatile boolean done;
    private boolean cleanedUp;

    private Watchdog(ProcessHandle owner, PrintStream log) {
        this.owner = owner;
        this.log = log;
    }

    /** {@code Watchdog OWNER_PID}: reads the owner's messages from standard input, logs to standard output. */
    public static void main(String[] args) throws Exception {
        PrintStream log = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Optional<ProcessHandle> owner = ProcessHandle.of(Long.parseLong(args[0]));
        Watchdog w = new Watchdog(owner.orElse(null), log);
        w.log("watching process " + args[0]);
        Thread poll = new Thread(w::pollOwner, "owner-poll");
        poll.setDaemon(true);
        poll.start();
        w.read(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        w.inputEnded.countDown();
        if (!w.done) {
            w.log("the owner's pipe closed without 'done': it is gone");
            w.cleanUp();
        }
        w.log("exiting");
        System.exit(0);
    }

    /** Reads the owner's messages until {@code done} or the end of the input (the owner is gone). */
    private void read(BufferedReader in) {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("done")) {
                    done = true;
                    log("the owner stopped everything itself");
                    return;
                }
                try {
                    register(line);
                } catch (RuntimeException e) {
                    log("ignoring '" + line + "' (" + e + ")");
                }
            }
        } catch (IOException e) {
            log("cannot read the owner's messages (" + e + ")");
        }
    }

    private synchronized void register(String line) {
        // the last field may hold spaces (a path)
        String[] f = line.split(" ", 3);
        switch (f[0]) {
            case "service" -> ProcessHandle.of(Long.parseLong(f[1])).ifPresent(services::add);
            case "postgres" -> {
                dataDirs.add(Path.of(f[2]));
                if (f[1].equals("temporary")) {
                    temporary.add(Path.of(f[2]));
                }
            }
            default -> throw new IllegalArgumentException("unknown message");
        }
    }

    /** The pipe closes when the owner dies; this catches the rare case where a child kept it open. */
    private void pollOwner() {
        while (owner != null && owner.isAlive()) {
            Processes.sleep(1000);
        }
        try {
            // a message already written (done) is read before the pipe's end
            if (inputEnded.await(2, TimeUnit.SECONDS) || done) {
                return;
            }
        } catch (InterruptedException e) {
            return;
        }
        log("the owner is gone but its pipe is still open");
        cleanUp();
        log("exiting");
        System.exit(0);
    }

    private synchronized void cleanUp() {
        if (cleanedUp || done) {
            return;
        }
        cleanedUp = true;
        List<ProcessHandle> alive = services.stream().filter(ProcessHandle::isAlive).toList();
        for (ProcessHandle p : alive) {
            log("stopping service process " + p.pid());
            p.destroy();
        }
        awaitExit(alive, Duration.ofSeconds(SERVICE_GRACE_SECONDS));
        for (ProcessHandle p : alive) {
            if (p.isAlive()) {
                log("killing service process " + p.pid() + " (still running after " + SERVICE_GRACE_SECONDS + " s)");
                p.destroyForcibly();
            }
        }
        awaitExit(alive, Duration.ofSeconds(5));
        for (Path dir : dataDirs) {
            stopPostgres(dir);
        }
        for (Path dir : temporary) {
            deleteTree(dir);
        }
    }

    /**
     * Stops the postmaster of {@code dataDir} as {@code pg_ctl stop -m fast} would (SIGINT), then with an immediate
     * shutdown (SIGQUIT), then SIGKILL. A pid file left by a crash may name a process that is no PostgreSQL of this
     * directory any more: such a process is left alone.
     */
    private void stopPostgres(Path dataDir) {
        Optional<ProcessHandle> postmaster = postmaster(dataDir, Duration.ofSeconds(3));
        if (postmaster.isEmpty()) {
            log("no PostgreSQL running on " + dataDir);
            return;
        }
        ProcessHandle pg = postmaster.get();
        log("stopping PostgreSQL (process " + pg.pid() + ", fast shutdown)");
        signal(pg, "INT");
        if (awaitExit(List.of(pg), Duration.ofSeconds(POSTGRES_GRACE_SECONDS))) {
            return;
        }
        log("PostgreSQL still running after " + POSTGRES_GRACE_SECONDS + " s: immediate shutdown");
        signal(pg, "QUIT");
        if (!awaitExit(List.of(pg), Duration.ofSeconds(5))) {
            pg.destroyForcibly();
        }
    }

    /** The live postmaster of {@code dataDir}: the first line of its pid file, if that process runs postgres on it. */
    static Optional<ProcessHandle> postmaster(Path dataDir, Duration wait) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Instant deadline = Instant.now().plus(wait);
        while (!Files.exists(pidFile) && Instant.now().isBefore(deadline)) {
            // the owner died while the server was starting: the file comes at once
            Processes.sleep(200);
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(p -> runsPostgresOn(p, dataDir));
        } catch (IOException | RuntimeException none) {
            return Optional.empty();
        }
    }

    private static boolean runsPostgresOn(ProcessHandle p, Path dataDir) {
        ProcessHandle.Info info = p.info();
        boolean postgres = info.command().map(c -> c.endsWith("postgres")).orElse(false);
        String args = String.join(" ", info.arguments().orElse(new String[0]));
        return postgres && (args.isEmpty() || args.contains(dataDir.toAbsolutePath().toString()));
    }

    private void signal(ProcessHandle p, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, String.valueOf(p.pid()))
                    .redirectErrorStream(true).start();
            kill.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (kill.waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill command: fall back to SIGTERM, which PostgreSQL takes as a smart shutdown
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        p.destroy();
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Processes.sleep(100);
        }
        return true;
    }

    private void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            log("deleted " + dir);
        } catch (IOException e) {
            log("cannot delete " + dir + " (" + e + ")");
        }
    }

    /**
     * The owner's end: starts a watchdog for this JVM and tells it what to stop should this JVM die. Without a watchdog
     * (it could not start) every call does nothing: the owner still stops what it started when it exits normally.
     */
    static final class Link {

        private final Process process;
        private final OutputStream out;

        private Link(Process process) {
            this.process = process;
            this.out = process == null ? null : process.getOutputStream();
        }

        /** Starts the watchdog of this JVM; it logs to {@code logFile}. */
        static Link start(Path logFile) {
            List<String> command = new ArrayList<>();
            // its own session: Ctrl-C and a closed terminal reach the owner and its services, not the watchdog
            Stream.of("/usr/bin/setsid", "/bin/setsid").filter(s -> Files.isExecutable(Path.of(s))).findFirst()
                    .ifPresent(command::add);
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", codeSource(),
                    Watchdog.class.getName(), String.valueOf(ProcessHandle.current().pid())));
            try {
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                return new Link(new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start());
            } catch (IOException | RuntimeException e) {
                System.err.println("Corridor: no watchdog (" + e.getMessage() + "); if this process is killed"
                        + " with SIGKILL, stop the services and PostgreSQL yourself");
                return new Link(null);
            }
        }

        void service(long pid) {
            send("service " + pid);
        }

        void postgres(Path dataDir, boolean temporary) {
            send("postgres " + (temporary ? "temporary " : "kept ") + dataDir.toAbsolutePath());
        }

        /** Everything was stopped in good order: the watchdog exits. */
        void done() {
            send("done");
            if (process != null) {
                try {
                    out.close();
                    process.waitFor(5, TimeUnit.SECONDS);
                } catch (IOException e) {
                    // it is gone already
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private synchronized void send(String line) {
            if (out == null) {
                return;
            }
            try {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // the watchdog is gone (its log says why); the owner still stops what it started
            }
        }

        private static String codeSource() {
            try {
                return Path.of(Watchdog.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void log(String message) {
        log.println(Instant.now() + " watchdog: " + message);
    }
}
