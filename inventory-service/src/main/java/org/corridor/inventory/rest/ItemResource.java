package org.corridor.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.corridor.common.security.Roles;
import org.corridor.inventory.domain.Item;
import org.corridor.inventory.domain.ItemCategory;
import org.corridor.inventory.service.CatalogueService;
import org.corridor.inventory.service.References;
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
@Tag(name = "Items", description = "The relief item catalogue: what stock is counted in, with unit weight, volume and shelf life")
public class ItemResource {

    private final CatalogueService catalogue;
    private final Idempotency idempotency;

    public ItemResource(CatalogueService catalogue, Idempotency idempotency) {
        this.catalogue = catalogue;
        this.idempotency = idempotency;
    }

    @Schema(name = "ItemRequest", description = "A catalogue item to add")
    public record ItemRequest(
            @NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{1,39}$", message = "must be 2 to 40 capital letters, digits, '-' or '_'")
            @Schema(description = "Unique code: 2 to 40 capital letters, digits, '-' or '_'", example = "WASH-SOAP-BAR", maxLength = 40) String code,
            @NotBlank @Size(max = 200) @Schema(description = "Name", example = "Soap, bar of 250 g", maxLength = 200) String name,
            @NotNull @Schema(description = "Category", example = "WASH") ItemCategory category,
            @NotBlank @Size(max = 40) @Schema(description = "Unit quantities are counted in", example = "each", maxLength = 40) String unit,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000")
            @Schema(description = "Weight of one unit packed, kg (more than 0, at most 100,000)", example = "0.25") Double unitWeightKg,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000")
            @Schema(description = "Volume of one unit packed, m3 (more than 0, at most 1,000)", example = "0.0003") Double unitVolumeM3,
            @Min(1) @Max(36500) @Schema(description = "Shelf life in days for perishable items; leave out for durable goods", example = "1095") Integer shelfLifeDays) {
    }

    @Schema(name = "Item", description = "A catalogue item")
    public record ItemDto(
            @Schema(description = "Unique code", example = "SHL-TENT-FAMILY") String code,
            @Schema(description = "Name", example = "Family tent, 16 m2 floor, 5 persons") String name,
            @Schema(description = "Category", example = "SHELTER") ItemCategory category,
            @Schema(description = "Unit quantities are counted in", example = "each") String unit,
            @Schema(description = "Weight of one unit packed, kg", example = "55.0") double unitWeightKg,
            @Schema(description = "Volume of one unit packed, m3", example = "0.282") double unitVolumeM3,
            @Schema(description = "Shelf life in days; null for durable goods", example = "730") Integer shelfLifeDays) {
        static ItemDto of(Item i) {
            return new ItemDto(i.code, i.name, i.category, i.unit, i.unitWeightKg, i.unitVolumeM3, i.shelfLifeDays);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.ADMIN})
    @Operation(operationId = "createItem", summary = "Add a catalogue item",
            description = "Adds an item to the catalogue; its code must be unique. Honours an optional Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Added; Location names it",
            headers = @Header(name = "Location", description = "URI of the new item", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemDto.class)))
    @APIResponse(responseCode = "409", description = "An item with this code already exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was already used with a different body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Optional key making a retry safe", example = "item-soap-bar") String key,
            @Valid @NotNull ItemRequest body) {
        return idempotency.execute("items", key, body, () -> {
            Item i = new Item();
            i.code = body.code();
            i.name = body.name().trim();
            i.category = body.category();
            i.unit = body.unit().trim();
            i.unitWeightKg = body.unitWeightKg();
            i.unitVolumeM3 = body.unitVolumeM3();
            i.shelfLifeDays = body.shelfLifeDays();
            ItemDto dto = ItemDto.of(catalogue.createItem(i));
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
        return PageResponse.of(catalogue.items(References.parseFilter(ItemCategory.class, category, "category")), page, ItemDto::of);
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getItem", summary = "Get one catalogue item", description = "One item by its code.")
    public ItemDto get(@PathParam("code") @Parameter(description = "Item code", example = "SHL-TENT-FAMILY") String code) {
        return ItemDto.of(catalogue.item(code));
    }
}
