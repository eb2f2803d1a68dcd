using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using MediatR;
using Microsoft.Extensions.Options;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.Changes.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Webhooks.Secrets;

namespace ObstacleRegister.Webhooks.Endpoints;

/// <summary>An endpoint to notify.</summary>
/// <param name="Url">Where to POST: https (http only where the operator allows it), not a private, loopback or link-local address.</param>
/// <param name="EventTypes">One to 50 change types (<c>obstacle.resolved</c>), a whole resource (<c>amendment.*</c>), or everything (<c>*</c>).</param>
/// <param name="UnitId">Only changes that belong to this unit: how a reporting unit's system hears about its own obstacles.</param>
/// <param name="Description">What the endpoint is, up to 500 characters.</param>
/// <param name="Format"><c>register</c> (the default: the register's envelope) or <c>cloudevents</c> (a CloudEvents 1.0 event, structured JSON mode).</param>
internal sealed record RegisterWebhookBody(
    [property: MaxLength(TargetRules.MaxUrlLength)] string? Url, [property: MinLength(1), MaxLength(NewWebhookRules.MaxEventTypes)] IReadOnlyList<string?>? EventTypes, Guid? UnitId, [property: MaxLength(NewWebhookRules.MaxDescription)] string? Description,
    WebhookFormat? Format = null);

/// <summary>An endpoint as the rules accepted it: trimmed, every event type known.</summary>
internal sealed record NewWebhook(string Url, IReadOnlyList<string> EventTypes, Guid? UnitId, string? Description, WebhookFormat Format);

internal sealed record RegisterWebhook(NewWebhook Webhook) : IRequest<CreatedWebhookEndpointDto>;

internal static class NewWebhookRules
{
    public const int MaxEventTypes = 50;

    public const int MaxDescription = 500;

    /// <summary>The operator's settings decide which targets are allowed (http, internal addresses).</summary>
    public static NewWebhook Check(RegisterWebhookBody? body, WebhookOptions options, EventCatalogue catalogue) => RequestBodies.Check(body, (candidate, errors) =>
    {
        if (errors.Required("url", candidate.Url) && TargetRules.Problem(candidate.Url!.Trim(), options) is { } problem)
        {
            errors.Add("url", problem);
        }

        errors.Text("description", candidate.Description, MaxDescription, required: false);
        var eventTypes = EventTypes(candidate.EventTypes, catalogue, errors);
        return !errors.Any && candidate.Url is { } url
            ? new NewWebhook(url.Trim(), eventTypes, candidate.UnitId, candidate.Description?.Trim(), candidate.Format ?? WebhookFormat.Register)
            : null;
    });

    private static List<string> EventTypes(IReadOnlyList<string?>? requested, EventCatalogue catalogue, ValidationErrors errors)
    {
        var known = new List<string>();
        if (!errors.Required("eventTypes", requested))
        {
            return known;
        }

        if (requested!.Count is 0 or > MaxEventTypes)
        {
            errors.Add("eventTypes", Say.Text("Validation.EventTypesCount", MaxEventTypes));
        }

        for (var i = 0; i < requested.Count; i++)
        {
            if (requested[i]?.Trim() is { } type && catalogue.IsSubscribable(type))
            {
                known.Add(type);
            }
            else
            {
                errors.Add($"eventTypes[{i}]", Say.Text("Validation.UnknownEventType", requested[i], string.Join(", ", catalogue.Types)));
            }
        }

        return known;
    }
}

/// <summary>Resolves the URL's name before the transaction opens: a slow resolver must never hold the write lock.</summary>
internal sealed class RegisterWebhookResolution(IOptions<WebhookOptions> options, IHostAddressResolver resolver) : IAsyncValidator<RegisterWebhook>
{
    public async Task ValidateAsync(RegisterWebhook request, ValidationErrors errors, CancellationToken ct)
    {
        if (await TargetRules.ResolutionProblem(request.Webhook.Url, options.Value, resolver, ct) is { } problem)
        {
            errors.Add("url", problem);
        }
    }
}

internal sealed class RegisterWebhookHandler(IDbSession db, IMediator mediator, WebhookSecrets secrets, TimeProvider clock)
    : IRequestHandler<RegisterWebhook, CreatedWebhookEndpointDto>
{
    private const string Insert = """
        INSERT INTO webhook_endpoint (id, url, event_types, unit_id, description, secret, status, format, disabled_reason, from_position,
                                      created_at, updated_at, version)
        VALUES (@Id, @Url, @EventTypes, @UnitId, @Description, @Secret, @Status, @Format, NULL, @FromPosition, @CreatedAt, @UpdatedAt, 1)
        """;

    public async Task<CreatedWebhookEndpointDto> Handle(RegisterWebhook request, CancellationToken cancellationToken)
    {
        var webhook = request.Webhook;
        if (webhook.UnitId is { } unitId && await mediator.Send(new GetUnit(unitId), cancellationToken) is null)
        {
            throw RequestValidationException.For("unitId", Say.NoSuch("unit", unitId));
        }

        var now = clock.GetUtcNow();
        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var row = new WebhookEndpointRow
        {
            Id = Guid.CreateVersion7(), Url = webhook.Url, EventTypes = WebhookEndpointRow.Join(webhook.EventTypes), UnitId = webhook.UnitId,
            Description = webhook.Description, Secret = secrets.Seal(secret), Format = WireNames.Of(webhook.Format),
            Status = "active", FromPosition = await mediator.Send(new GetLatestChangePosition(), cancellationToken),
            CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        await db.ExecuteAsync(Insert, row, cancellationToken);
        return new CreatedWebhookEndpointDto(row.ToDto(), secret);
    }
}
