package org.corridor.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.corridor.common.problem.Problem;
import org.corridor.common.problem.ProblemMappers;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem answers that the shared {@code ProblemMappers} give on every operation, so that each resource
 * only declares the ones specific to it (409, 422, 503...): 400 for any operation that takes a body or parameters, 404
 * for any path with an id, 401 and 403 (every API operation needs a token with a role), 500 always, and 503 with
 * {@code Retry-After} (any operation may find its database restarting). Responses a resource declares itself are left
 * as they are, except a bare one without content (SmallRye adds such a 400 to every operation with a validated body),
 * which gets the problem schema.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            boolean hasId = path.getKey().contains("{");
            for (Operation op : path.getValue().getOperations().values()) {
                APIResponses responses = op.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    op.setResponses(responses);
                }
                boolean hasInput = op.getRequestBody() != null
                        || (op.getParameters() != null && !op.getParameters().isEmpty())
                        || (path.getValue().getParameters() != null && !path.getValue().getParameters().isEmpty());
                if (hasInput) {
                    addIfMissing(responses, "400",
                            "The request is not valid: malformed JSON, a field out of range, or a bad parameter");
                }
                if (hasId) {
                    addIfMissing(responses, "404", "No such resource");
                }
                // every API operation is secured (default deny): document the two security answers
                addIfMissing(responses, "401", "No bearer token, or a forged or expired one");
                addIfMissing(responses, "403", "The token's role does not allow this operation");
                addIfMissing(responses, "500", "Unexpected error; the detail carries a reference to the server log");
                addIfMissing(responses, "503", "Unavailable for a moment (the database restarting or busy, or "
                        + "another service down); retry after Retry-After seconds, with the same Idempotency-Key");
                addRetryAfter(responses.getAPIResponse("503"));
            }
        }
    }

    /** A 503 says when to retry. */
    private static void addRetryAfter(APIResponse unavailable) {
        if (unavailable == null || (unavailable.getHeaders() != null
                && unavailable.getHeaders().containsKey(ProblemMappers.RETRY_AFTER))) {
            return;
        }
        unavailable.addHeader(ProblemMappers.RETRY_AFTER, OASFactory.createHeader()
                .description("Seconds to wait before retrying").example(5)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
    }

    private static void addIfMissing(APIResponses responses, String code, String description) {
        APIResponse existing = responses.getAPIResponse(code);
        if (existing != null && existing.getContent() != null && existing.getContent().getMediaTypes() != null
                && !existing.getContent().getMediaTypes().isEmpty()) {
            return;
        }
        APIResponse r = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
        responses.addAPIResponse(code, r);
    }
}
