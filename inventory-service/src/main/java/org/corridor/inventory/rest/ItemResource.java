package org.corridor.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.corridor.common.idempotency.Idempotency;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.Problem;
import org.corridor.common.rest.QueryParams;
import org.corridor.common.security.Roles;
import org.corridor.inventory.domain.ItemCategory;
import org.corridor.inventory.rest.dto.ItemDto;
import org.corridor.inventory.rest.dto.ItemRequest;
import org.corridor.inventory.service.CatalogueService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Items",
        description = "The relief item catalogue: what stock is counted in, with unit weight, volume and shelf life")
public class ItemResource {

    private final CatalogueService catalogue;
    private final Idempotency idempotency;

    public ItemResource(CatalogueService catalogue, Idempotency idempotency) {
        this.catalogue = catalogue;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN})
    @Operation(operationId = "createItem", summary = "Add a catalogue item",
            description = "Adds an item to the catalogue; its code must be unique. Honours an optional "
                    + "Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Added; Location names it",
            headers = @Header(name = "Location", description = "URI of the new item",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ItemDto.class)))
    @APIResponse(responseCode = "409", description = "An item with this code already exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was already used with a different body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Optional key making a retry safe",
                    example = "item-soap-bar") String key,
            @Valid @NotNull ItemRequest body) {
        return idempotency.execute("items", key, body, () -> {
            ItemDto dto = ItemDto.from(catalogue.createItem(body.toCommand()));
            return Idempotency.Result.created(URI.create("/api/v1/items/" + dto.code()), dto);
        });
    }

    @GET
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listItems", summary = "List catalogue items",
            description = "The item catalogue ordered by code, optionally one category.")
    public PageResponse<ItemDto> list(
            @QueryParam("category") @Parameter(description = "Only items of this category", example = "WASH",
                    schema = @Schema(implementation = ItemCategory.class)) String category,
            @BeanParam @Valid PageParams page) {
        ItemCategory c = QueryParams.enumValue("category", category, ItemCategory.class);
        return catalogue.items(c, page.page, page.size).map(ItemDto::from);
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getItem", summary = "Get one catalogue item", description = "One item by its code.")
    public ItemDto get(
            @PathParam("code") @Parameter(description = "Item code", example = "SHL-TENT-FAMILY") String code) {
        return ItemDto.from(catalogue.item(code));
    }
}
