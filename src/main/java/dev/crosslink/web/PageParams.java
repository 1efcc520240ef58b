package dev.crosslink.web;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code ?page=} (from 1) and {@code ?size=} (1-100, default 20). Taken as text and checked here so a
 * bad value is a 400 naming the parameter, not the 404 JAX-RS gives for unconvertible query params.
 */
public class PageParams {

    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @Parameter(description = "Page number, from 1", example = "1",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000000", defaultValue = "1"))
    protected String page;

    @QueryParam("size")
    @Parameter(description = "Items per page, 1-100", example = "20",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    protected String size;

    public int page() {
        return parse("page", page, 1, 1, 1_000_000);
    }

    public int size() {
        return parse("size", size, 20, 1, MAX_SIZE);
    }

    public static int parse(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.field(name, "must be a whole number from " + min + " to " + max);
    }
}
