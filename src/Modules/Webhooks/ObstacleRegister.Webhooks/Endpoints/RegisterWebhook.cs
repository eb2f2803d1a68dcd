using System.Security.Cryptography;
using MediatR;
using Microsoft.Extensions.Options;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Webhooks.Secrets;

namespace ObstacleRegister.Webhooks.Endpoints;

/// <summary>An endpoint to notify.</summary>
/// <param name="Url">Where to POST: https (http only where the operator allows it), not a private, loopback or link-local address.</param>
/// <param name="EventTypes">One to 50 change types (<c>obstacle.resolved</c>), a whole resource (<c>amendment.*</c>), or everything (<c>*</c>).</param>
/// <param name="UnitId">Only changes that belong to this unit: how a reporting unit's system hears about its own obstacles.</param>
/// <param name="Description">What the endpoint is, up to 500 characters.</param>
internal sealed record RegisterWebhookBody(string? Url, IReadOnlyList<string?>? EventTypes, Guid? UnitId, string? Description);

internal sealed record RegisterWebhook(RegisterWebhookBody? Body) : IRequest<CreatedWebhookEndpointDto>;

internal sealed class RegisterWebhookValidator(IOptions<WebhookOptions> options) : IValidator<RegisterWebhook>
{
    public const int MaxEventTypes = 50;

    private static readonly HashSet<string> Resources = [.. EventCatalogue.Types.Select(t => t[..t.IndexOf('.', StringComparison.Ordinal)])];

    public void Validate(RegisterWebhook request, ValidationErrors errors)
    {
        if (!errors.Body(request.Body))
        {
            return;
        }

        var body = request.Body;

        if (errors.Required("url", body.Url) && TargetRules.Problem(body.Url!.Trim(), options.Value) is { } problem)
        {
            errors.Add("url", problem);
        }

        errors.Text("description", body.Description, 500, required: false);
        if (!errors.Required("eventTypes", body.EventTypes))
        {
            return;
        }

        if (body.EventTypes!.Count is 0 or > MaxEventTypes)
        {
            errors.Add("eventTypes", $"'eventTypes' must name 1 to {MaxEventTypes} types.");
        }

        for (var i = 0; i < body.EventTypes.Count; i++)
        {
            if (!IsKnown(body.EventTypes[i]?.Trim()))
            {
                errors.Add($"eventTypes[{i}]", $"Unknown event type '{body.EventTypes[i]}': use one of {string.Join(", ", EventCatalogue.Types)}, 'resource.*' or '*'.");
            }
        }
    }

    private static bool IsKnown(string? type) =>
        type is "*" || (type is not null && (EventCatalogue.Types.Contains(type) || (type.EndsWith(".*", StringComparison.Ordinal) && Resources.Contains(type[..^2]))));
}

/// <summary>Resolves the URL's name before the transaction opens: a slow resolver must never hold the write lock.</summary>
internal sealed class RegisterWebhookResolution(IOptions<WebhookOptions> options, IHostAddressResolver resolver) : IAsyncValidator<RegisterWebhook>
{
    public async Task ValidateAsync(RegisterWebhook request, ValidationErrors errors, CancellationToken ct)
    {
        if (await TargetRules.ResolutionProblem(request.Body!.Url!.Trim(), options.Value, resolver, ct) is { } problem)
        {
            errors.Add("url", problem);
        }
    }
}

internal sealed class RegisterWebhookHandler(IDbSession db, IMediator mediator, WebhookSecrets secrets, TimeProvider clock)
    : IRequestHandler<RegisterWebhook, CreatedWebhookEndpointDto>
{
    private const string Insert = """
        INSERT INTO webhook_endpoint (id, url, event_types, unit_id, description, secret, status, disabled_reason, from_position,
                                      created_at, updated_at, version)
        VALUES (@Id, @Url, @EventTypes, @UnitId, @Description, @Secret, @Status, NULL, @FromPosition, @CreatedAt, @UpdatedAt, 1)
        """;

    public async Task<CreatedWebhookEndpointDto> Handle(RegisterWebhook request, CancellationToken cancellationToken)
    {
        var body = request.Body!;
        var url = body.Url!.Trim();
        if (body.UnitId is { } unitId && await mediator.Send(new GetUnit(unitId), cancellationToken) is null)
        {
            throw RequestValidationException.For("unitId", $"No unit with id '{unitId}'.");
        }

        var now = clock.GetUtcNow();
        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var row = new WebhookEndpointRow
        {
            Id = Guid.CreateVersion7(), Url = url, EventTypes = WebhookEndpointRow.Join(body.EventTypes!.Select(t => t!)), UnitId = body.UnitId,
            Description = body.Description?.Trim(), Secret = secrets.Seal(secret),
            Status = "active", FromPosition = await mediator.Send(new GetLatestChangePosition(), cancellationToken),
            CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        await db.ExecuteAsync(Insert, row, cancellationToken);
        return new CreatedWebhookEndpointDto(row.ToDto(), secret);
    }
}
