package org.corridor.common.csv;

import java.util.List;
import org.corridor.common.problem.ProblemException;

/**
 * An uploaded table refused as a whole because of its rows: a 422 whose problem lists every bad row
 * ({@link RowProblem#errors()}), so that a donor fixes the file in one go instead of one error per upload.
 */
public class RowErrorsException extends ProblemException {

    private final transient List<RowError> errors;

    public RowErrorsException(String title, List<RowError> errors) {
        super(422, "invalid-rows", title, summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }

    private static String summary(List<RowError> errors) {
        long rows = errors.stream().mapToInt(RowError::row).distinct().count();
        return rows + (rows == 1 ? " row has" : " rows have") + " errors, nothing was written: fix the rows named in "
                + "errors and upload the whole file again";
    }
}
