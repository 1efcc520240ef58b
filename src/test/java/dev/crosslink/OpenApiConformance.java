package dev.crosslink;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi31;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every response the HTTP tests receive against the server's own {@code /q/openapi}
 * (issue 9): a REST Assured filter on {@link Api}'s request specifications, so a response outside
 * its documented status codes, media types or schema fails the test that made it.
 *
 * <p>Two validators, because no single one on Maven Central reads OpenAPI 3.1 whole: Atlassian's
 * swagger-request-validator matches the operation, status and media type; its schema check speaks
 * only 3.0, so JSON bodies are checked against the 3.1 dialect by networknt's JSON Schema validator,
 * with the document's components at the root so that every {@code $ref} resolves.
 *
 * <p>Requests are not validated: many tests send bad requests on purpose, and what the server
 * answers them is exactly what the response check covers.
 */
public final class OpenApiConformance implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(OpenApi31.getInstance());
    private static OpenApiConformance instance;

    private final JsonNode document;
    private final OpenApiInteractionValidator operations;
    private final Filter operationFilter;

    private OpenApiConformance(String document) throws IOException {
        this.document = JSON.readTree(document);
        this.operations = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.body", ValidationReport.Level.IGNORE) // checked below
                        .build())
                .build();
        this.operationFilter = new OpenApiValidationFilter(operations);
    }

    /** The filter, built on first use from the running test server's document. */
    public static synchronized OpenApiConformance filter() {
        if (instance == null) {
            try {
                instance = new OpenApiConformance(fetchDocument());
            } catch (IOException e) {
                throw new IllegalStateException("the OpenAPI document is not JSON", e);
            }
        }
        return instance;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = operationFilter.filter(request, responseSpec, context);
        List<String> errors = bodyErrors(URI.create(request.getURI()).getPath(), request.getMethod(),
                response.getStatusCode(), response.getContentType(), response.asString());
        if (!errors.isEmpty()) {
            throw new AssertionError("the " + response.getStatusCode() + " answer to " + request.getMethod() + " "
                    + request.getURI() + " is outside its OpenAPI schema: " + errors + "\n" + response.asString());
        }
        return response;
    }

    /** What is wrong with a JSON body for this operation and status; empty when it fits or is not JSON. */
    public List<String> bodyErrors(String path, String method, int status, String contentType, String body) {
        if (contentType == null || body == null || body.isEmpty()) {
            return List.of();
        }
        String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.endsWith("json")) {
            return List.of();
        }
        Optional<JsonNode> schema = operation(path, method)
                .map(op -> op.path("responses"))
                .map(responses -> responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status)) : responses.path("default"))
                .map(response -> response.path("content").path(mediaType).get("schema"));
        if (schema.isEmpty() || schema.get() == null) {
            return List.of(); // no such operation, status or media type: the operation check reports it
        }
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.putArray("allOf").add(schema.get());
        wrapper.set("components", document.path("components"));
        List<Error> errors = SCHEMAS.getSchema(wrapper.toString(), InputFormat.JSON).validate(body, InputFormat.JSON);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** The operation whose path template matches, preferring literal segments over parameters. */
    private Optional<JsonNode> operation(String path, String method) {
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        Map.Entry<String, JsonNode> best = null;
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String regex = entry.getKey().replaceAll("\\{[^/]+}", "[^/]+").replace(".", "\\.");
            if (path.matches(regex) && entry.getValue().has(method.toLowerCase(Locale.ROOT))
                    && (best == null || params(entry.getKey()) < params(best.getKey()))) {
                best = entry;
            }
        }
        return Optional.ofNullable(best).map(e -> e.getValue().get(method.toLowerCase(Locale.ROOT)));
    }

    private static long params(String template) {
        return template.chars().filter(c -> c == '{').count();
    }

    /** The operation-level validator, for the test that shows the checks refuse what they should. */
    public OpenApiInteractionValidator operations() {
        return operations;
    }

    /** Fetched without REST Assured, so that building the filter does not pass through it. */
    private static String fetchDocument() {
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/q/openapi?format=json");
        try {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            // Kept for the typed-client smoke test and the lint in .ci/run (docs/api.md).
            Path copy = Path.of("target", "openapi.json");
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, body);
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
