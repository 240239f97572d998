package org.corridor.common.problem;

/**
 * Thrown by services for any business-rule refusal; mapped to an RFC 9457 answer with its status. The detail is shown
 * to the client, so it must be written for a person and never contain internals.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String slug;
    private final transient Object extensions;

    public ProblemException(int status, String slug, String title, String detail, Object extensions) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.extensions = extensions;
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad request", detail);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", what + " not found", what + " " + id + " does not exist");
    }

    public static ProblemException conflict(String title, String detail) {
        return new ProblemException(409, "conflict", title, detail);
    }

    public static ProblemException conflict(String title, String detail, Object extensions) {
        return new ProblemException(409, "conflict", title, detail, extensions);
    }

    public static ProblemException unprocessable(String title, String detail) {
        return new ProblemException(422, "unprocessable", title, detail);
    }

    /** 403: the caller is known but may not do this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException unavailable(String title, String detail) {
        return new ProblemException(503, "service-unavailable", title, detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String slug() {
        return slug;
    }

    public Object extensions() {
        return extensions;
    }

    public Problem toProblem() {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), null, null, extensions);
    }
}
