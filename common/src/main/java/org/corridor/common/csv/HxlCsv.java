package org.corridor.common.csv;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.function.Consumer;
import org.corridor.common.problem.ProblemException;

/**
 * The CSV representation of the lists that spreadsheets and HDX read. A client asks for it with {@code ?format=csv} or
 * with {@code Accept: text/csv} (JSON stays the default); the answer is streamed: the rows go to the client as the
 * database cursor yields them, never collected in a list first.
 */
public final class HxlCsv {

    /** {@code text/csv} as answered: always UTF-8, with HXL hashtags (RFC 4180 allows the header parameter). */
    public static final String MEDIA_TYPE = "text/csv";
    public static final MediaType CSV = new MediaType("text", "csv");
    public static final String CSV_UTF8 = "text/csv; charset=UTF-8";
    /** Rows written between two flushes, so that the first bytes reach the client early. */
    static final int FLUSH_EVERY = 500;

    private HxlCsv() {
    }

    /**
     * Whether the client asked for CSV: {@code format=csv} wins; {@code format=json} forces JSON; without
     * {@code format} (or with it blank), CSV when the client's most preferred acceptable type among JSON and CSV is
     * {@code text/csv}. Any other {@code format} is a 400.
     */
    public static boolean requested(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.badRequest("format must be json or csv");
            };
        }
        List<MediaType> acceptable = headers == null ? List.of() : headers.getAcceptableMediaTypes();
        for (MediaType m : acceptable) {
            if (m.isCompatible(CSV) && !m.isWildcardType() && !m.isWildcardSubtype()) {
                return true;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    /**
     * The JSON answer of a list that also speaks CSV, typed explicitly: a client that sent {@code Accept: text/csv}
     * with {@code format=json} gets JSON, labelled as such.
     */
    public static Response json(Response answer) {
        return answer.hasEntity()
                ? Response.fromResponse(answer).type(MediaType.APPLICATION_JSON_TYPE).build()
                : answer;
    }

    /**
     * A 200 answer whose body is the CSV: {@code producer} is called while the body is written and hands each row to
     * the sink it is given (typically from a database stream inside a read-only transaction).
     *
     * @param filename the name offered to browsers ({@code Content-Disposition: attachment})
     */
    public static <T> Response stream(String filename, List<HxlColumn<T>> columns, Consumer<Consumer<T>> producer) {
        StreamingOutput body = out -> {
            try (HxlCsvWriter<T> w = HxlCsvWriter.open(out, columns)) {
                int[] written = {0};
                producer.accept(row -> {
                    w.write(row);
                    if (++written[0] % FLUSH_EVERY == 0) {
                        w.flush();
                    }
                });
            }
        };
        return Response.ok(body, CSV_UTF8)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }
}
