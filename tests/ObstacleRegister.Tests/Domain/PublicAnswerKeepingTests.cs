using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.Reports.Public;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Domain;

/// <summary>The process keeps public answers for at most their lifetime, and never more of them than configured.</summary>
public sealed class PublicAnswerKeepingTests
{
    private readonly FakeClock clock = new();

    private PublicAnswerCache Cache(int entries) =>
        new(clock, Options.Create(new PublicAccessOptions { AnswerCacheSeconds = 60, MaxAgeSeconds = 60, AnswerCacheEntries = entries }));

    [Test]
    public void AnAnswer_IsServedWithItsAge_UntilItsLifetimeHasPassed()
    {
        using var cache = Cache(entries: 8);
        cache.Keep("/progress|vi-VN", "figures");
        clock.Now += TimeSpan.FromSeconds(59);
        var servedLate = cache.TryGet("/progress|vi-VN", out var answer, out var age);
        clock.Now += TimeSpan.FromSeconds(1);

        Assert.Multiple(() =>
        {
            Assert.That((servedLate, answer, age), Is.EqualTo((true, (object?)"figures", TimeSpan.FromSeconds(59))));
            Assert.That(cache.TryGet("/progress|vi-VN", out _, out _), Is.False, "a minute old is too old");
        });
    }

    [Test]
    public void AFullCache_NeverHoldsMoreThanItsLimit()
    {
        using var cache = Cache(entries: 3);
        for (var i = 0; i < 10; i++)
        {
            cache.Keep($"/page{i}", i);
        }

        // It compacts in the background when full (expired, then least recently used answers go), so which ones it
        // holds depends on when that ran; how many never exceeds the limit, and it is never emptied wholesale.
        var held = Enumerable.Range(0, 10).Count(i => cache.TryGet($"/page{i}", out _, out _));

        Assert.That(held, Is.InRange(1, 3));
    }
}
