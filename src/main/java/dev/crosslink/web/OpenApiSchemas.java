package dev.crosslink.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Schema shapes the annotation scanner cannot express, derived from the classes so they are
 * written once (issue 9):
 * <ul>
 *   <li>each merge-patch body is its input schema with every field optional, and null allowed
 *   where null removes a field ({@code PostPatch} from {@code PostInput});</li>
 *   <li>the generic {@code Page} envelope becomes one named page per item type ({@code PostPage},
 *   {@code TermPage}), and the unused raw {@code Page} goes.</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiSchemas implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Components components = openAPI.getComponents();
        Map<String, String> renamed = namePages(components);
        forEachResponseBody(openAPI, media -> {
            Schema schema = media.getSchema();
            if (schema == null) {
                return;
            }
            String ref = schema.getRef();
            if (ref != null && renamed.containsKey(name(ref))) {
                schema.setRef(SCHEMAS + renamed.get(name(ref)));
            }
        });
        typePatches(openAPI, components);
    }

    /** Page1, Page2... named after their items; returns old name to new name. */
    private static Map<String, String> namePages(Components components) {
        Map<String, String> renamed = new LinkedHashMap<>();
        Map<String, Schema> schemas = components.getSchemas();
        for (String name : new ArrayList<>(schemas.keySet())) {
            if (!name.matches("Page\\d*")) {
                continue;
            }
            Schema page = schemas.get(name);
            Schema items = page.getProperties() == null ? null : page.getProperties().get("items");
            String itemRef = items == null || items.getItems() == null ? null : items.getItems().getRef();
            components.removeSchema(name);
            if (itemRef == null) {
                continue; // the raw generic envelope, which no operation answers with
            }
            String newName = name(itemRef) + "Page";
            page.setDescription("One page of " + name(itemRef) + " items; the Link header names the others");
            components.addSchema(newName, page);
            renamed.put(name, newName);
        }
        return renamed;
    }

    /** Every merge-patch request body gets the patch schema of the input its PUT takes. */
    private static void typePatches(OpenAPI openAPI, Components components) {
        Map<String, Schema> schemas = components.getSchemas();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getPATCH() == null || item.getPUT() == null || item.getPATCH().getRequestBody() == null
                    || item.getPUT().getRequestBody() == null) {
                return;
            }
            String input = item.getPUT().getRequestBody().getContent().getMediaTypes().values().stream()
                    .map(MediaType::getSchema).filter(s -> s != null && s.getRef() != null)
                    .map(s -> name(s.getRef())).findFirst().orElse(null);
            if (input == null || !schemas.containsKey(input)) {
                return;
            }
            String patchName = input.replace("Input", "Patch");
            if (!schemas.containsKey(patchName)) {
                components.addSchema(patchName, patchOf(input, schemas.get(input)));
            }
            MediaType media = item.getPATCH().getRequestBody().getContent().getMediaType(MergePatch.MEDIA_TYPE);
            if (media != null) {
                Schema typed = OASFactory.createSchema().ref(SCHEMAS + patchName);
                if (media.getSchema() != null && media.getSchema().getExamples() != null) {
                    media.setExamples(null);
                    media.setExample(media.getSchema().getExamples().get(0));
                }
                media.setSchema(typed);
            }
        });
    }

    private static Schema patchOf(String inputName, Schema input) {
        Schema patch = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 7386 merge patch of " + inputName + ": every field is optional, the fields "
                        + "given replace the current ones, and null removes an optional one");
        List<String> required = input.getRequired() == null ? List.of() : input.getRequired();
        input.getProperties().forEach((field, schema) -> patch.addProperty(field, required.contains(field)
                ? schema
                : OASFactory.createSchema().anyOf(List.of(schema, OASFactory.createSchema().addType(Schema.SchemaType.NULL)))));
        return patch;
    }

    private static void forEachResponseBody(OpenAPI openAPI, Consumer<MediaType> action) {
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(op -> {
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> {
                    if (r.getContent() != null && r.getContent().getMediaTypes() != null) {
                        r.getContent().getMediaTypes().values().forEach(action);
                    }
                });
            }
        }));
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
