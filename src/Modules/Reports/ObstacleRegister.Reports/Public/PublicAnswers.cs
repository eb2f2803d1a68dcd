using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Http;

namespace ObstacleRegister.Reports.Public;

/// <summary>
/// The public answers this process computed in the last <c>Public:AnswerCacheSeconds</c>, served again with their
/// <c>Age</c>. Every public answer already says <c>Cache-Control: public, max-age</c>, and the setting may not exceed
/// that age, so an answer kept here is never older than any proxy in front was always allowed to serve it; the Age
/// makes a proxy count the time it spent here. What is kept is the page's figures, not its bytes: each request is
/// still rendered in its own language, with its own headers, ETag and 304.
/// </summary>
internal sealed class PublicAnswerCache : IDisposable
{
    private readonly TimeProvider clock;
    private readonly IOptions<PublicAccessOptions> options;

    // Bounded by count: each answer has size 1 and the limit is Public:AnswerCacheEntries. When it is full the cache
    // compacts in the background, expired and least recently used answers first, instead of refusing or starting over.
    private readonly MemoryCache kept;

    public PublicAnswerCache(TimeProvider clock, IOptions<PublicAccessOptions> options)
    {
        this.clock = clock;
        this.options = options;
        kept = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = Math.Max(1, options.Value.AnswerCacheEntries),
            CompactionPercentage = 0.25,
            Clock = new RegisterClock(clock),
        });
    }

    private TimeSpan Lifetime => TimeSpan.FromSeconds(options.Value.AnswerCacheSeconds);

    public bool IsOn => options.Value.AnswerCacheSeconds > 0;

    public bool TryGet(string key, out object? answer, out TimeSpan age)
    {
        answer = null;
        age = TimeSpan.Zero;
        if (!kept.TryGetValue(key, out Kept? entry) || entry is null)
        {
            return false;
        }

        age = clock.GetUtcNow() - entry.At;
        if (age >= Lifetime || age < TimeSpan.Zero)
        {
            kept.Remove(key);
            return false;
        }

        answer = entry.Answer;
        return true;
    }

    public void Keep(string key, object answer)
    {
        var now = clock.GetUtcNow();
        kept.Set(key, new Kept(answer, now), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = now + Lifetime });
    }

    public void Dispose() => kept.Dispose();

    private sealed record Kept(object Answer, DateTimeOffset At);

#pragma warning disable CS0618 // MemoryCacheOptions.Clock still takes the old clock interface; this adapts the register's TimeProvider to it.
    private sealed class RegisterClock(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
#pragma warning restore CS0618
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
}

internal static class PublicAnswerEndpoints
{
    /// <summary>
    /// Keeps what the endpoint's handler answers (a value, never an error) by address, query and language; endpoints
    /// that share a <paramref name="name"/> share the answer, as the site's page, JSON and CSV of one loader do.
    /// Add it after the filters that turn the answer into bytes, so it runs inside them, and only where the answer is
    /// the same for every caller: a keyed caller's request fills the entry anonymous readers are served.
    /// </summary>
    public static RouteHandlerBuilder KeepsAnswers(this RouteHandlerBuilder endpoint, string? name = null) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var cache = http.RequestServices.GetRequiredService<PublicAnswerCache>();
            if (!cache.IsOn)
            {
                return await next(context);
            }

            var key = $"{name ?? http.Request.Path.Value}{http.Request.QueryString.Value}|{CultureInfo.CurrentUICulture.Name}";
            if (cache.TryGet(key, out var kept, out var age))
            {
                http.Response.Headers.Age = ((long)age.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return kept;
            }

            var answer = await next(context);
            if (answer is IValueHttpResult { Value: not null } and IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } or not (null or IResult))
            {
                cache.Keep(key, answer);
            }

            return answer;
        });
}
