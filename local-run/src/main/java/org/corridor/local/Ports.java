package org.corridor.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ports a local Corridor needs, and which of them another process already holds. A port is taken when it cannot be
 * bound on every interface or when something answers on it at {@code localhost}. On Linux the holder is named from
 * {@code /proc} where this user may see it.
 */
public final class Ports {

    /** A port that is already in use: what Corridor wanted it for and, if known, who holds it. */
    public record Taken(int port, String purpose, Optional<String> holder) {
    }

    private Ports() {
    }

    /** The ports of {@code wanted} (purpose -> port) that are in use, in the order given. */
    public static List<Taken> taken(Map<String, Integer> wanted) {
        List<Taken> taken = new ArrayList<>();
        for (Map.Entry<String, Integer> w : wanted.entrySet()) {
            if (inUse(w.getValue())) {
                taken.add(new Taken(w.getValue(), w.getKey(), holder(w.getValue())));
            }
        }
        return taken;
    }

    /** True when {@code port} cannot be bound on every interface, or something listens on it at localhost. */
    public static boolean inUse(int port) {
        try (ServerSocket s = new ServerSocket()) {
            // the services and PostgreSQL reuse addresses too: a socket in TIME_WAIT does not hold the port
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
        } catch (IOException bound) {
            return true;
        }
        return answers(port);
    }

    /** True when something accepts a connection on {@code port} at the loopback address. */
    public static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** The message a person reads when ports are taken: which, held by what, and what to do. */
    public static String explain(List<Taken> taken) {
        StringBuilder m = new StringBuilder();
        m.append(taken.size() == 1
                ? "Corridor: cannot start, a port it needs is already in use:\n"
                : "Corridor: cannot start, ports it needs are already in use:\n");
        for (Taken t : taken) {
            m.append("  port ").append(t.port()).append(" (").append(t.purpose()).append(')');
            t.holder().ifPresent(h -> m.append(" is held by ").append(h));
            m.append('\n');
        }
        m.append("Nothing was started. Is Corridor already running (./corridor in another terminal or checkout)?\n")
                .append("Stop it (Ctrl-C in its terminal), or stop whatever holds the port (`ss -ltnp` names it),\n")
                .append("then run ./corridor again. To run beside it instead, give this one free ports and its own\n")
                .append("state: CORRIDOR_INVENTORY_PORT, CORRIDOR_ALLOCATION_PORT, CORRIDOR_SHIPMENT_PORT,\n")
                .append("CORRIDOR_PG_PORT and --state DIR.");
        return m.toString();
    }

    /** The process listening on {@code port} as "process PID (command line)", if this user may see it. */
    static Optional<String> holder(int port) {
        Set<String> inodes = listeningInodes(port);
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName()
                .toString().chars().allMatch(Character::isDigit))) {
            for (Path proc : procs) {
                if (holdsSocket(proc, inodes)) {
                    return Optional.of("process " + proc.getFileName() + commandLine(proc));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // no /proc: the port is named without its holder
        }
        return Optional.empty();
    }

    /** The inodes of the listening TCP sockets on {@code port}, from /proc/net/tcp and tcp6. */
    private static Set<String> listeningInodes(int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                    if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                        inodes.add(f[9]);
                    }
                }
            } catch (IOException | RuntimeException notLinux) {
                // no such table
            }
        }
        return inodes;
    }

    private static boolean holdsSocket(Path proc, Set<String> inodes) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                        return true;
                    }
                } catch (IOException gone) {
                    // closed meanwhile
                }
            }
        } catch (IOException | SecurityException notOurs) {
            // another user's process, or gone
        }
        return false;
    }

    private static String commandLine(Path proc) {
        try {
            String cmd = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replaceAll("[\\s\\x00]+", " ").trim();
            if (cmd.isEmpty()) {
                return "";
            }
            return " (" + (cmd.length() > 160 ? cmd.substring(0, 157) + "..." : cmd) + ")";
        } catch (IOException gone) {
            return "";
        }
    }

    /** purpose -> port, in the order the launcher names them. */
    static Map<String, Integer> of(Map<String, Integer> services, Integer postgres) {
        Map<String, Integer> all = new LinkedHashMap<>();
        services.forEach((s, p) -> all.put(s + "-service", p));
        if (postgres != null) {
            all.put("PostgreSQL", postgres);
        }
        return all;
    }
}
