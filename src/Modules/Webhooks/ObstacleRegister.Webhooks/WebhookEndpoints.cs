using ObstacleRegister.BuildingBlocks.Changes;
using Microsoft.AspNetCore.Mvc;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Webhooks.Endpoints;

namespace ObstacleRegister.Webhooks;

internal static class WebhookEndpoints
{
    public static void MapWebhookEndpoints(this IEndpointRouteBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks").RequireAuthorization(p => p.RequireRole(Roles.Admin));

        webhooks.MapPost("/", async (
                RegisterWebhookBody? body, IOptions<WebhookOptions> options, [FromServices] EventCatalogue catalogue, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new RegisterWebhook(NewWebhookRules.Check(body, options.Value, catalogue)), ct);
                return TypedResults.Created($"/api/v1/webhooks/{created.Endpoint.Id}", created);
            })
            .WithName("RegisterWebhook")
            .WithSummary("Register a webhook endpoint")
            .WithDescription("Admins. The answer holds the signing secret, shown this once. Changes of the chosen types are written to " +
                "an outbox in the same transaction as the change and POSTed after commit, at least once, signed the Standard Webhooks way " +
                "(webhook-id, webhook-timestamp, webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>). Failures are retried with " +
                "exponential backoff and jitter; a 410 Gone answer disables the endpoint. The URL must be https and not point at a private, " +
                "loopback or link-local address unless the operator allows it.")
            .Produces<CreatedWebhookEndpointDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        webhooks.MapGet("/", async (int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListWebhooks(Cursor.Limit(limit), cursor), ct)))
            .WithName("ListWebhooks")
            .WithSummary("List webhook endpoints")
            .WithDescription("Admin only. Oldest first, paged by cursor; the signing secrets are never shown again.")
            .ProducesValidationProblem();

        webhooks.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetWebhook(id), ct)))
            .WithName("GetWebhook")
            .WithSummary("Get one webhook endpoint")
            .WithDescription("Admin only. Its address, the events it takes, its unit filter and whether it is active (and why not).")
            .Produces<WebhookEndpointDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SetWebhookStatus(id, Active: false, "Disabled by an admin."), ct);
                return TypedResults.NoContent();
            })
            .WithName("DisableWebhook")
            .WithSummary("Disable a webhook endpoint")
            .WithDescription("Stops deliveries; what is owed waits and goes out if the endpoint is enabled again. Its log is kept.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapPost("/{id:guid}/enable", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetWebhookStatus(id, Active: true, ""), ct)))
            .WithName("EnableWebhook")
            .WithSummary("Enable a webhook endpoint again")
            .WithDescription("After an admin disabled it or it answered 410 Gone; deliveries still pending resume.")
            .Produces<WebhookEndpointDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapGet("/{id:guid}/deliveries", async (Guid id, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListDeliveries(id, Cursor.Limit(limit), cursor), ct)))
            .WithName("ListWebhookDeliveries")
            .WithSummary("An endpoint's delivery log")
            .WithDescription("Newest first: each change owed to the endpoint, its status, attempts, last answer and next attempt.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapGet("/{id:guid}/deliveries/{deliveryId:guid}", async (Guid id, Guid deliveryId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetDelivery(id, deliveryId), ct)))
            .WithName("GetWebhookDelivery")
            .WithSummary("One delivery with every attempt")
            .WithDescription("Admin only. Each attempt's time, the endpoint's status code or error, and when the next one is due.")
            .Produces<DeliveryDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
