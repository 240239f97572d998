package org.corridor.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations console on one machine ({@code http://localhost:8080/}): serves the console's built files and forwards
 * {@code /api/v1/...} to the service that owns the path ({@link ApiRoutes}, the Ingress's table), so that the page
 * talks to one origin locally as it does behind the Ingress, and no service needs CORS for it.
 * <p>
 * It also offers the <em>local sign-in</em>: {@code POST /local/sign-in {"role": "LOGISTICS_OFFICER"}} answers a token
 * signed with the local key pair. That exists only here: in a cluster the console gets its tokens from the
 * organisation's OpenID Connect provider. Since it hands out tokens to whoever asks, the server listens on the loopback
 * interface only, and the sign-in takes only {@code application/json} (a cross-site form cannot post it without a CORS
 * preflight, which this server never grants).
 */
public final class ConsoleServer implements AutoCloseable {

    /**
     * The roles the local sign-in offers (SERVICE is for services only). A DONOR acts for one organisation: its sign-in
     * names it ({@code organisationId}, one of {@code GET /local/organisations}), and the token carries it.
     */
    public static final List<String> SIGN_IN_ROLES = List.of("LOGISTICS_OFFICER", "DASHBOARD", "ADMIN", "DONOR");

    /** Headers that belong to one connection, or that the JDK client sets itself: never forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect",
            "date");

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "json", "application/json", "svg",
            "image/svg+xml", "png", "image/png", "ico", "image/x-icon", "woff2", "font/woff2", "txt",
            "text/plain; charset=utf-8");

    private static final Pattern ROLE = Pattern.compile("\"role\"\\s*:\\s*\"([A-Z_]+)\"");

    private static final Pattern ORGANISATION = Pattern.compile(
            "\"organisationId\"\\s*:\\s*\"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\"");

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private final Path webRoot;
    private final Map<String, String> serviceUrls;
    private final Tokens tokens;

    /**
     * @param webRoot the console's built files ({@code console/target/dist})
     * @param serviceUrls service name ({@code inventory}, {@code allocation}, {@code shipment}) to base URL
     * @param tokens signs the local sign-in's tokens
     * @param port the port on the loopback interface, 0 for any free one
     */
    public ConsoleServer(Path webRoot, Map<String, String> serviceUrls, Tokens tokens, int port) throws IOException {
        this.webRoot = webRoot.toAbsolutePath().normalize();
        this.serviceUrls = Map.copyOf(serviceUrls);
        this.tokens = tokens;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "console-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Its address, {@code http://localhost:PORT/}. */
    public String url() {
        return "http://localhost:" + port() + "/";
    }

    /** Whether the console's files are there to serve (they are built by the {@code console} module). */
    public boolean built() {
        return Files.isRegularFile(webRoot.resolve("index.html"));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            if (path.startsWith("/api/")) {
                proxy(ex, path);
            } else if (path.equals("/local/sign-in")) {
                signIn(ex);
            } else if (path.equals("/local/organisations")) {
                organisations(ex);
            } else if (path.equals("/config.json")) {
                send(ex, 200, "application/json", "{\"signIn\":\"local\",\"roles\":[\"" + String.join("\",\"",
                        SIGN_IN_ROLES) + "\"]}");
            } else {
                staticFile(ex, path);
            }
        } catch (RuntimeException e) {
            problem(ex, 500, "Console server error", "The local console server failed: " + e.getMessage());
        }
    }

    private void proxy(HttpExchange ex, String path) throws IOException {
        Optional<String> service = ApiRoutes.serviceFor(path);
        if (service.isEmpty()) {
            problem(ex, 404, "Not Found", "No Corridor service serves " + path + ".");
            return;
        }
        String base = serviceUrls.get(service.get());
        String query = ex.getRequestURI().getRawQuery();
        URI target = URI.create(base + path + (query != null ? "?" + query : ""));
        byte[] body = ex.getRequestBody().readAllBytes();
        HttpRequest.Builder req = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .method(ex.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        String ownOrigin = "http://" + ex.getRequestHeaders().getFirst("Host");
        ex.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower)) {
                for (String v : values) {
                    // the page's own origin: for the service a request from this server, not a cross-origin one
                    // (its CORS filter would refuse an origin it does not list); any other origin is passed on
                    if (!(lower.equals("origin") && v.equals(ownOrigin))) {
                        req.header(name, v);
                    }
                }
            }
        });
        HttpResponse<InputStream> res;
        try {
            res = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            ex.getResponseHeaders().set("Retry-After", "5");
            problem(ex, 503, "Service Unavailable", service.get() + "-service cannot be reached: " + e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem(ex, 503, "Service Unavailable", "Interrupted while asking " + service.get() + "-service.");
            return;
        }
        Headers out = ex.getResponseHeaders();
        res.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                for (String v : values) {
                    out.add(name, name.equalsIgnoreCase("Location") ? sameOrigin(v) : v);
                }
            }
        });
        try (InputStream in = res.body()) {
            byte[] bytes = in.readAllBytes();
            boolean empty = res.statusCode() == 204 || res.statusCode() == 304 || ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(res.statusCode(), empty ? -1 : bytes.length == 0 ? -1 : bytes.length);
            if (!empty && bytes.length > 0) {
                ex.getResponseBody().write(bytes);
            }
        }
    }

    /** A {@code Location} naming a service's own address becomes a path on this origin. */
    private String sameOrigin(String location) {
        for (String base : serviceUrls.values()) {
            if (location.startsWith(base + "/")) {
                return location.substring(base.length());
            }
        }
        return location;
    }

    private void signIn(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (!ex.getRequestMethod().equals("POST") || type == null || !type.startsWith("application/json")) {
            problem(ex, 405, "Method Not Allowed", "Sign in with POST and a JSON body {\"role\": \"...\"}.");
            return;
        }
        String body = new String(ex.getRequestBody().readNBytes(1024), StandardCharsets.UTF_8);
        Matcher m = ROLE.matcher(body);
        if (!m.find() || !SIGN_IN_ROLES.contains(m.group(1))) {
            problem(ex, 400, "Bad Request", "The local sign-in offers the roles " + SIGN_IN_ROLES + ".");
            return;
        }
        String role = m.group(1);
        UUID organisation = null;
        if (role.equals("DONOR")) {
            Matcher org = ORGANISATION.matcher(body);
            if (!org.find()) {
                problem(ex, 400, "Bad Request", "A DONOR signs in for one organisation: give its id as "
                        + "\"organisationId\" (GET /local/organisations lists them).");
                return;
            }
            organisation = UUID.fromString(org.group(1));
        }
        String subject = "console-" + role.toLowerCase(Locale.ROOT).replace('_', '-')
                + (organisation == null ? "" : "-" + organisation);
        String token = tokens.issue(subject, List.of(role), organisation, Duration.ofHours(8));
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        send(ex, 200, "application/json", "{\"token\":\"" + token + "\",\"role\":\"" + role + "\",\"subject\":\""
                + subject + "\"}");
    }

    /**
     * The organisations a DONOR may sign in for, read from inventory-service with a short-lived DASHBOARD token of this
     * server's own: the sign-in page has no token yet. Answers inventory's page as it is.
     */
    private void organisations(HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equals("GET")) {
            problem(ex, 405, "Method Not Allowed", "Only GET is served here.");
            return;
        }
        String token = tokens.issue("console-sign-in", List.of("DASHBOARD"), null, Duration.ofMinutes(1));
        HttpRequest req = HttpRequest.newBuilder(URI.create(serviceUrls.get("inventory")
                + "/api/v1/organisations?size=200")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        HttpResponse<String> res;
        try {
            res = client.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            ex.getResponseHeaders().set("Retry-After", "5");
            problem(ex, 503, "Service Unavailable", "inventory-service cannot be reached: " + e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem(ex, 503, "Service Unavailable", "Interrupted while asking inventory-service.");
            return;
        }
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        send(ex, res.statusCode(), res.headers().firstValue("Content-Type").orElse("application/json"), res.body());
    }

    private void staticFile(HttpExchange ex, String path) throws IOException {
        if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
            problem(ex, 405, "Method Not Allowed", "Only GET is served here.");
            return;
        }
        if (!built()) {
            send(ex, 503, "text/plain; charset=utf-8", "The console is not built: run ./mvnw -pl console package.\n");
            return;
        }
        String rel = path.equals("/") ? "index.html" : path.substring(1);
        Path file = webRoot.resolve(rel).normalize();
        if (!file.startsWith(webRoot) || !Files.isRegularFile(file)) {
            send(ex, 404, "text/plain; charset=utf-8", "Not found: " + path + "\n");
            return;
        }
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
        // Vite names every asset after its content: those never change; index.html always may
        h.set("Cache-Control", rel.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache");
        securityHeaders(h);
        byte[] bytes = Files.readAllBytes(file);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(200, -1);
            return;
        }
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    /** The same headers as the console's nginx in a cluster ({@code k8s/base/console/nginx.conf}). */
    static void securityHeaders(Headers h) {
        h.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
    }

    private static void problem(HttpExchange ex, int status, String title, String detail) throws IOException {
        String json = "{\"type\":\"about:blank\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\"}";
        send(ex, status, "application/problem+json", json);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }
}
