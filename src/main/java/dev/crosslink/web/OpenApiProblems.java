package dev.crosslink.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * Documents the error answers every operation can give, from what the operation is (secured,
 * takes a body, names a resource by path, writes), instead of repeating the same annotations on
 * every resource method. Also marks public operations as needing no security, and describes the
 * {slug} path parameter once.
 */
public class OpenApiProblems implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "Malformed JSON, a bad field or a bad query parameter"),
            Map.entry("401", "No token, or an unknown one (WWW-Authenticate: Bearer)"),
            Map.entry("403", "The token's role may not do this"),
            Map.entry("404", "Nothing there (drafts and future posts too, for anonymous callers)"),
            Map.entry("409", "A conflict: slug taken, category in use, or the last admin token"),
            Map.entry("412", "If-Match names a stale version; nothing changed"),
            Map.entry("413", "The body is over its limit: 4 MiB, or 2 GiB for a restore"),
            Map.entry("415", "Wrong Content-Type"),
            Map.entry("406", "No representation matches the Accept header"),
            Map.entry("429", "Too many bad tokens from this client (Retry-After)"),
            Map.entry("503", "The database cannot be reached; retry after Retry-After seconds"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                document(path, method, operation)));
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean hasBody = operation.getRequestBody() != null;
        boolean bySlug = path.contains("{");
        boolean write = method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.DELETE;

        if (operation.getOperationId() == null) {
            operation.setOperationId(operationId(path, method));
        }
        if (!secured) {
            operation.setSecurity(List.of()); // public: no credentials needed
        }
        // a body, a query parameter, or a path parameter other than a slug ({number}) can be malformed
        if (hasBody || path.matches(".*\\{(?!slug\\})[^}]+}.*") || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY))) {
            add(responses, "400");
        }
        // A public read sent with an unknown token, or asking for drafts without one, is a 401 too.
        add(responses, "401");
        if (secured) {
            add(responses, "403");
            add(responses, "429");
        }
        if (method == PathItem.HttpMethod.GET) {
            add(responses, "406");
        }
        add(responses, "503");
        if (bySlug || hasQuery(operation, "around")) {
            add(responses, "404");
        }
        if (bySlug) {
            describeSlug(operation);
        }
        if ((write || path.endsWith("/restore")) && path.contains("{slug}")) { // the writes that honour If-Match
            add(responses, "412");
        }
        if (hasBody) {
            add(responses, "413");
            add(responses, "415");
        }
        if ((hasBody && !path.startsWith("/api/tokens")) || (method == PathItem.HttpMethod.DELETE
                && (path.startsWith("/api/categories") || path.startsWith("/api/tokens")))) {
            add(responses, "409");
        }
    }

    private static final Map<String, String> SINGULAR = Map.of(
            "posts", "Post", "categories", "Category", "tags", "Tag", "tokens", "Token");

    private static final Map<String, String> FEEDS = Map.of("rss", "Rss", "atom", "Atom", "feed.json", "JsonFeed");

    /** listPosts, getPost, createPost, replacePost, patchPost, deletePost; rerenderPosts. */
    static String operationId(String path, PathItem.HttpMethod method) {
        String[] segments = path.replaceFirst("^/(api/)?", "").split("/");
        String collection = segments[0];
        if (FEEDS.containsKey(collection)) { // getRss, getAtomOfCategory, getJsonFeedOfTag...
            return "get" + FEEDS.get(collection) + (segments.length == 1 ? "" : "Of" + SINGULAR.get(segments[1]));
        }
        if (collection.equals("admin")) {
            return segments[segments.length - 1] + "Posts";
        }
        if (collection.equals("import")) {
            return "importFeed";
        }
        if (collection.equals("graph")) {
            return segments.length == 1 ? "getGraph" : "get" + camel(segments[1]);
        }
        String plural = Character.toUpperCase(collection.charAt(0)) + collection.substring(1);
        String singular = SINGULAR.getOrDefault(collection, plural);
        boolean item = segments.length > 1 && segments[1].startsWith("{");
        String rest = item && segments.length > 2 ? camel(segments[2]) : "";
        return switch (method) {
            case GET -> item ? "get" + singular + rest : "list" + plural;
            case POST -> item ? Character.toLowerCase(rest.charAt(0)) + rest.substring(1) : "create" + singular;
            case PUT -> "replace" + singular;
            case PATCH -> "patch" + singular;
            case DELETE -> "delete" + singular;
            default -> method.name().toLowerCase() + singular + rest;
        };
    }

    /** "rewrite-incoming-links" becomes "RewriteIncomingLinks". */
    private static String camel(String dashed) {
        StringBuilder out = new StringBuilder();
        for (String part : dashed.split("-")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static boolean hasQuery(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY && name.equals(p.getName()));
    }

    private static void add(APIResponses responses, String status) {
        APIResponse response = OASFactory.createAPIResponse()
                .description(DESCRIPTIONS.get(status))
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        responses.addAPIResponse(status, response);
    }

    private static void describeSlug(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if ("slug".equals(parameter.getName()) && parameter.getIn() == Parameter.In.PATH) {
                parameter.setDescription("Lowercase letters and digits separated by single dashes");
                if (parameter.getExample() == null) {
                    parameter.setExample("distributed-systems-sample");
                }
            }
            if ("id".equals(parameter.getName()) && parameter.getIn() == Parameter.In.PATH) {
                parameter.setDescription("The token's id");
                parameter.setExample("8b1babee-91ad-4e17-b244-df374886a2d3");
            }
        }
    }
}
