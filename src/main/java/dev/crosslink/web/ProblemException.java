package dev.crosslink.web;

import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.List;

/** A client error with its HTTP status, turned into problem+json by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String detail) {
        this(status, detail, null);
    }

    public ProblemException(int status, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = errors;
    }

    public static ProblemException notFound(String what, String slug) {
        return new ProblemException(404, "No " + what + " with slug '" + slug + "'");
    }

    public static ProblemException field(String field, String message) {
        return new ProblemException(400, field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    /** A body field of the wrong type or format, named by its JSON path ({@code tags[1]}). */
    public static ProblemException wrongShape(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
        if (field == null) {
            return new ProblemException(400, "The request body does not have the expected shape");
        }
        return field(field, "has the wrong type or format");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, detail);
    }

    public int status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
