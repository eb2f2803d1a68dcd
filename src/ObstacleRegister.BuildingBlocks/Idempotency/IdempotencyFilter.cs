using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Security;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.BuildingBlocks.Idempotency;

/// <summary>Marks an endpoint that honours <c>Idempotency-Key</c>, so its documentation can say so.</summary>
public sealed class IdempotentEndpointMetadata;

/// <summary>
/// A bound argument that is the request's body but not JSON (an uploaded file): what a repeated request must repeat
/// for its key to replay, in place of the JSON body.
/// </summary>
public interface IIdempotencyFingerprint
{
    string Fingerprint { get; }
}

public static class IdempotencyEndpointExtensions
{
    /// <summary>Honours <c>Idempotency-Key</c> on this endpoint and says so in its metadata.</summary>
    public static RouteHandlerBuilder AcceptsIdempotencyKey(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter<IdempotencyFilter>().WithMetadata(new IdempotentEndpointMetadata());
}

/// <summary>
/// Honours <c>Idempotency-Key</c> on a creating endpoint. The key is scoped to the caller's unit and API key;
/// the same key with the same request replays the first answer and changes nothing; with another request it
/// is 422; while the first is still running it is 409.
/// </summary>
public sealed class IdempotencyFilter : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxKeyLength = 255;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[HeaderName].ToString();
        if (key.Length == 0)
        {
            return await next(context);
        }

        if (key.Length > MaxKeyLength || key.Any(c => c < 0x21 || c > 0x7E))
        {
            throw RequestValidationException.For(HeaderName, Say.Text("Validation.IdempotencyKey", HeaderName, MaxKeyLength));
        }

        var services = http.RequestServices;
        var mediator = services.GetRequiredService<IMediator>();
        var caller = services.GetRequiredService<ICaller>();
        var scope = $"{caller.UnitId:N}:{caller.KeyId:N}";
        var claim = await mediator.Send(new ClaimIdempotencyKey(scope, key, RequestHash(context, services)), http.RequestAborted);
        switch (claim)
        {
            case IdempotencyClaim.Replay replay:
                http.Response.Headers[ReplayedHeader] = "true";
                return new ReplayResult(replay);
            case IdempotencyClaim.Mismatch:
                throw new ProblemException(StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused, "Idempotency key reused",
                    Say.Text("Problem.Detail.IdempotencyKeyReused", HeaderName));
            case IdempotencyClaim.InProgress inProgress:
                throw InProgress((int)Math.Max(1, Math.Ceiling(inProgress.RetryAfter.TotalSeconds)));
        }

        var (claimId, claimedAt) = (IdempotencyClaim.Claimed)claim;
        var idempotency = services.GetRequiredService<IdempotencyContext>();
        idempotency.ClaimId = claimId;
        idempotency.ClaimedAt = claimedAt;
        try
        {
            var result = await next(context);
            if (!idempotency.Completed)
            {
                await mediator.Send(new ReleaseIdempotencyKey(claimId, claimedAt), CancellationToken.None);
            }

            return result;
        }
        catch
        {
            await mediator.Send(new ReleaseIdempotencyKey(claimId, claimedAt), CancellationToken.None);
            throw;
        }
    }

    /// <summary>409 while the first request with the key runs; its claim lapses within <paramref name="seconds"/> if that request died.</summary>
    public static ConflictException InProgress(int seconds)
    {
        return new ConflictException(ProblemTypes.IdempotencyKeyInProgress, "Request in progress",
            Say.Text("Problem.Detail.IdempotencyInProgress", HeaderName, seconds))
        {
            RetryAfterSeconds = seconds,
        };
    }

    /// <summary>The operation and its body, as the endpoint bound it: the same JSON in another layout is the same request.</summary>
    private static string RequestHash(EndpointFilterInvocationContext context, IServiceProvider services)
    {
        var bodyType = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var body = context.Arguments.FirstOrDefault(a => a is not null && bodyType is not null && a.GetType() == bodyType);
        var json = services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        var request = context.HttpContext.Request;
        // The query joins the hash only when there is one, so the hashes of keys already stored stay what they were.
        var text = $"{request.Method} {request.Path}{(request.QueryString.HasValue ? request.QueryString.Value : "")}\n"
            + (body is null ? "" : JsonSerializer.Serialize(body, body.GetType(), json))
            + string.Concat(context.Arguments.OfType<IIdempotencyFingerprint>().Select(f => f.Fingerprint));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private sealed class ReplayResult(IdempotencyClaim.Replay replay) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = replay.Status;
            if (replay.Location is not null)
            {
                httpContext.Response.Headers.Location = replay.Location;
            }

            if (replay.ETag is not null)
            {
                httpContext.Response.Headers.ETag = replay.ETag;
            }

            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await httpContext.Response.WriteAsync(replay.Body, httpContext.RequestAborted);
        }
    }
}
