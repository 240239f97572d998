package org.corridor.clients;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import org.corridor.local.CorridorSystem;

/**
 * The generated clients of the three services, set up as a real client would set them up and no further: the base URL
 * of each service, a bearer token, and time-outs. Everything else (paths, parameters, bodies, answers) is the generated
 * code's, taken from the documents the services serve.
 * <p>
 * Two checks make the clients stricter than their defaults, so that a document that does not describe what the service
 * does fails the test instead of passing silently:
 * <ul>
 * <li>answers are read with {@code FAIL_ON_UNKNOWN_PROPERTIES}: a field the service sends but its document does not
 * name fails (the generated mapper ignores it by default); an enum value the document does not list fails too;</li>
 * <li>every answer's {@code Content-Type} must be one of the media types the generated code asked for in
 * {@code Accept}, i.e. one the document lists for that operation ({@code application/problem+json} included for
 * errors).</li>
 * </ul>
 */
final class GeneratedClients {

    private final CorridorSystem system;

    GeneratedClients(CorridorSystem system) {
        this.system = system;
    }

    org.corridor.clients.inventory.ApiClient inventory(String token) {
        org.corridor.clients.inventory.ApiClient c = new org.corridor.clients.inventory.ApiClient(
                org.corridor.clients.inventory.ApiClient.createDefaultHttpClientBuilder(),
                strict(org.corridor.clients.inventory.ApiClient.createDefaultObjectMapper()),
                system.baseUrl("inventory"));
        c.setRequestInterceptor(bearer(token)).setResponseInterceptor(GeneratedClients::checkMediaType)
                .setReadTimeout(Duration.ofSeconds(60));
        return c;
    }

    org.corridor.clients.allocation.ApiClient allocation(String token) {
        org.corridor.clients.allocation.ApiClient c = new org.corridor.clients.allocation.ApiClient(
                org.corridor.clients.allocation.ApiClient.createDefaultHttpClientBuilder(),
                strict(org.corridor.clients.allocation.ApiClient.createDefaultObjectMapper()),
                system.baseUrl("allocation"));
        // an approval waits up to its own limit before answering 202; the generated call must outlast it
        c.setRequestInterceptor(bearer(token)).setResponseInterceptor(GeneratedClients::checkMediaType)
                .setReadTimeout(Duration.ofSeconds(180));
        return c;
    }

    org.corridor.clients.shipment.ApiClient shipment(String token) {
        org.corridor.clients.shipment.ApiClient c = new org.corridor.clients.shipment.ApiClient(
                org.corridor.clients.shipment.ApiClient.createDefaultHttpClientBuilder(),
                strict(org.corridor.clients.shipment.ApiClient.createDefaultObjectMapper()),
                system.baseUrl("shipment"));
        c.setRequestInterceptor(bearer(token)).setResponseInterceptor(GeneratedClients::checkMediaType)
                .setReadTimeout(Duration.ofSeconds(60));
        return c;
    }

    /** The generated mapper, but failing on fields the document does not name. */
    static ObjectMapper strict(ObjectMapper generated) {
        return generated.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    private static Consumer<HttpRequest.Builder> bearer(String token) {
        return b -> b.header("Authorization", "Bearer " + token);
    }

    /**
     * The answer's media type is one the generated code accepted, that is one the document lists for the operation.
     * Answers without a body (204, 304) carry none.
     */
    static void checkMediaType(HttpResponse<InputStream> response) {
        int status = response.statusCode();
        if (status == 204 || status == 304) {
            return;
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String accept = response.request().headers().firstValue("Accept").orElse("");
        if (!isAccepted(contentType, accept)) {
            throw new AssertionError(response.request().method() + " " + response.request().uri() + " answered "
                    + status + " as '" + contentType + "', which its OpenAPI document does not list: " + accept);
        }
    }

    /** True when the media type of {@code contentType} (parameters aside) is one of those {@code accept} lists. */
    static boolean isAccepted(String contentType, String accept) {
        String mediaType = mediaType(contentType);
        return !mediaType.isEmpty()
                && Arrays.stream(accept.split(",")).map(GeneratedClients::mediaType).anyMatch(mediaType::equals);
    }

    private static String mediaType(String value) {
        return value.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }
}
