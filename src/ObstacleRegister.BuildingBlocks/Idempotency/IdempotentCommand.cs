using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Data;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ObstacleRegister.BuildingBlocks.Idempotency;

/// <summary>The HTTP answer to a command, as sent the first time and replayed for a repeated key.</summary>
public sealed record CommandResponse(int Status, string? Location, long? Version, object Body)
{
    public IResult ToResult() => new CommandResult(this);

    private sealed class CommandResult(CommandResponse response) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (response.Location is not null)
            {
                httpContext.Response.Headers.Location = response.Location;
            }

            if (response.Version is { } version)
            {
                httpContext.Response.Headers.ETag = Http.Versions.ToETag(version);
            }

            httpContext.Response.StatusCode = response.Status;
            var options = httpContext.RequestServices.GetService(typeof(IOptions<HttpJsonOptions>)) as IOptions<HttpJsonOptions>;
            return httpContext.Response.WriteAsJsonAsync(response.Body, response.Body.GetType(), options?.Value.SerializerOptions);
        }
    }
}

/// <summary>A command whose result can be replayed for a repeated <c>Idempotency-Key</c>.</summary>
public interface IIdempotentCommand<TResponse> : IRequest<TResponse>
{
    /// <summary>What the endpoint answers for this result; the endpoint sends exactly this, so a replay is identical.</summary>
    CommandResponse Describe(TResponse response);
}

/// <summary>The claim of the current request, if it came with an <c>Idempotency-Key</c>.</summary>
public sealed class IdempotencyContext
{
    public Guid? ClaimId { get; set; }

    /// <summary>When the claim was taken: completing it must find the same claim, not one a retry took over.</summary>
    public DateTimeOffset ClaimedAt { get; set; }

    public bool Completed { get; set; }
}

/// <summary>
/// Completes the request's claim inside the command's own transaction: the stored answer commits with the
/// change it describes, or neither does.
/// </summary>
public sealed class IdempotencyBehavior<TRequest, TResponse>(IdempotencyContext context, IDbSession db, IOptions<HttpJsonOptions> json, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
{
    private const string Complete = """
        UPDATE idempotency_record
        SET state = 'completed', status_code = @Status, location = @Location, etag = @ETag, body = @Body, completed_at = @Now
        WHERE id = @Id AND state = 'pending' AND created_at = @ClaimedAt
        """;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (request is IIdempotentCommand<TResponse> command && context is { ClaimId: { } claimId, Completed: false })
        {
            var described = command.Describe(response);
            var body = JsonSerializer.Serialize(described.Body, described.Body.GetType(), json.Value.SerializerOptions);
            var completed = await db.ExecuteAsync(Complete, new
            {
                Id = claimId,
                context.ClaimedAt,
                described.Status,
                described.Location,
                ETag = described.Version is { } v ? Http.Versions.ToETag(v) : null,
                Body = body,
                Now = clock.GetUtcNow(),
            }, cancellationToken);
            if (completed == 0)
            {
                // This request outlived its claim and a retry took the key over: roll back, so only one of them writes.
                throw IdempotencyFilter.InProgress((int)ClaimIdempotencyKeyHandler.AbandonedAfter.TotalSeconds);
            }

            context.Completed = true;
        }

        return response;
    }
}
