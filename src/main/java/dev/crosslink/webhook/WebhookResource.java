package dev.crosslink.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosslink.auth.Role;
import dev.crosslink.web.MergePatch;
import dev.crosslink.web.Page;
import dev.crosslink.web.PageParams;
import dev.crosslink.web.PathId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** /api/webhooks (CONTRACT section 11, admin): endpoints, their deliveries, redelivery and ping. */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Webhooks", description = "Endpoints told about changes, signed per Standard Webhooks (admin)")
public class WebhookResource {

    private final WebhookService webhooks;

    public WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Register a webhook",
            description = "The answer holds the secret (whsec_…), never shown again. Targets are http(s) only; "
                    + "loopback and private addresses are refused unless cms.webhooks.allow-private is set.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Response create(@Valid @NotNull(message = "a JSON body is required") WebhookInput input) {
        WebhookView created = webhooks.create(input);
        return Response.created(URI.create("/api/webhooks/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "The webhooks (without secrets)")
    @APIResponse(responseCode = "200", description = "A page of webhooks")
    public Page<WebhookView> list(@BeanParam PageParams page) {
        return webhooks.list(page.page(), page.size());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "One webhook (without its secret)")
    @APIResponse(responseCode = "200", description = "The webhook")
    public WebhookView get(@PathParam("id") String id) {
        return webhooks.get(PathId.uuid(id, "webhook"));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchWebhook", summary = "Change a webhook (JSON merge patch)",
            description = "{\"enabled\": true} resumes a webhook a 410 disabled.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT, implementation = WebhookInput.class)))
    @APIResponse(responseCode = "200", description = "Changed")
    public WebhookView patch(@PathParam("id") String id, @NotNull(message = "a JSON body is required") JsonNode patch) {
        return webhooks.patch(PathId.uuid(id, "webhook"), patch);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook and its deliveries")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(PathId.uuid(id, "webhook"));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "Its deliveries, newest first, with every attempt")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    public Page<DeliveryView> deliveries(@PathParam("id") String id, @BeanParam PageParams page) {
        return webhooks.deliveries(PathId.uuid(id, "webhook"), page.page(), page.size());
    }

    @POST
    @Path("{id}/deliveries/{delivery}/redeliver")
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Send a delivery again, under the same webhook-id")
    @APIResponse(responseCode = "202", description = "Due now",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public Response redeliver(@PathParam("id") String id, @PathParam("delivery") String delivery) {
        return Response.accepted(webhooks.redeliver(PathId.uuid(id, "webhook"), PathId.uuid(delivery, "delivery"))).build();
    }

    @POST
    @Path("{id}/ping")
    @Operation(operationId = "pingWebhook", summary = "Send a ping event to this webhook")
    @APIResponse(responseCode = "202", description = "Due now",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public Response ping(@PathParam("id") String id) {
        return Response.accepted(webhooks.ping(PathId.uuid(id, "webhook"))).build();
    }

}
