using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Obstacles;

public sealed class IdempotencyTests(DatabaseProvider provider) : ObstacleTest(provider)
{
    private static HttpRequestMessage Post(JsonNode body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/obstacles") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task<int> CountMine(KeyedClient reporter)
    {
        var page = await reporter.Http.GetAsync($"/api/v1/obstacles?unitId={reporter.UnitId}&limit=200").ExpectJson(200);
        return page["items"]!.AsArray().Count;
    }

    [Test]
    public async Task SameKeyAndBody_ReplaysTheFirstAnswerAndCreatesNothing()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await ReporterA.Http.SendAsync(Post(Obstacle(), key));
        var firstBody = await first.ExpectJson(201);

        using var again = await ReporterA.Http.SendAsync(Post(Obstacle(), key));

        var againBody = await again.ExpectJson(201);
        var stored = await CountMine(ReporterA);
        Assert.Multiple(() =>
        {
            Assert.That(againBody.ToJsonString(), Is.EqualTo(firstBody.ToJsonString()));
            Assert.That(again.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(again.Headers.ETag, Is.EqualTo(first.Headers.ETag));
            Assert.That(again.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
            Assert.That(stored, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task SameKeyWithAnotherBody_Returns422()
    {
        var key = Guid.NewGuid().ToString();
        using (var first = await ReporterA.Http.SendAsync(Post(Obstacle(), key)))
        {
            await first.ExpectJson(201);
        }

        var problem = await ReporterA.Http.SendAsync(Post(Obstacle("Một vướng mắc khác hẳn"), key)).ExpectProblem(422);

        Assert.That(problem.Str("type"), Does.EndWith("idempotency-key-reused"));
    }

    [Test]
    public async Task SameKeyFromAnotherUnit_IsAnotherRequest()
    {
        var key = Guid.NewGuid().ToString();
        using var fromA = await ReporterA.Http.SendAsync(Post(Obstacle(), key));
        using var fromB = await ReporterB.Http.SendAsync(Post(Obstacle(), key));

        var a = await fromA.ExpectJson(201);
        var b = await fromB.ExpectJson(201);

        Assert.That(b.Str("id"), Is.Not.EqualTo(a.Str("id")));
    }

    [Test]
    public async Task FailedRequest_FreesTheKeyForARetry()
    {
        var key = Guid.NewGuid().ToString();
        var bad = Obstacle();
        bad.Remove("title");
        using (var failed = await ReporterA.Http.SendAsync(Post(bad, key)))
        {
            await failed.ExpectJson(400);
        }

        using var retry = await ReporterA.Http.SendAsync(Post(Obstacle(), key));

        await retry.ExpectJson(201);
    }

    [Test]
    public async Task FiftyConcurrentRequestsWithOneKey_StoreExactlyOneObstacle()
    {
        var key = Guid.NewGuid().ToString();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var response = await ReporterA.Http.SendAsync(Post(Obstacle(), key));
            return (int)response.StatusCode;
        }));

        var stored = await CountMine(ReporterA);
        Assert.Multiple(() =>
        {
            Assert.That(statuses, Has.All.AnyOf(201, 409), string.Join(",", statuses));
            Assert.That(statuses, Has.Some.EqualTo(201));
            Assert.That(stored, Is.EqualTo(1));
        });
    }

    [TestCase("")]
    [TestCase("has space")]
    public async Task MalformedKey_Returns400NamingTheHeader(string key)
    {
        using var request = Post(Obstacle(), "x");
        request.Headers.Remove("Idempotency-Key");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key.Length == 0 ? new string('k', 300) : key);

        await ReporterA.Http.SendAsync(request).ExpectProblem(400, "Idempotency-Key");
    }

    [Test]
    public async Task Records_AreKeptForADayAndForgottenAfterTwo()
    {
        var key = Guid.NewGuid().ToString();
        using (var first = await ReporterA.Http.SendAsync(Post(Obstacle(), key)))
        {
            await first.ExpectJson(201);
        }

        var scopes = Factory.Services.GetRequiredService<IServiceScopeFactory>();
        var purgedAfterADay = await BuildingBlocks.Idempotency.IdempotencyJanitor.PurgeExpired(scopes, Clock.Now.AddHours(25), CancellationToken.None);
        using (var replay = await ReporterA.Http.SendAsync(Post(Obstacle(), key)))
        {
            Assert.That(replay.Headers.Contains("Idempotent-Replayed"), Is.True);
        }

        var purgedAfterTwo = await BuildingBlocks.Idempotency.IdempotencyJanitor.PurgeExpired(scopes, Clock.Now.AddHours(49), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(purgedAfterADay, Is.Zero);
            Assert.That(purgedAfterTwo, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task FailureAfterTheWrites_RollsBackEverythingAndFreesTheKey()
    {
        var key = Guid.NewGuid().ToString();
        var before = await Submit(ReporterB);
        var rowsBefore = await RowCounts();
        Factory.Faults.FailAfter = typeof(ObstacleRegister.Obstacles.Submit.SubmitObstacle);

        using (var failed = await ReporterA.Http.SendAsync(Post(Obstacle(), key)))
        {
            Assert.That((int)failed.StatusCode, Is.EqualTo(500));
        }

        var storedAfterFailure = await CountMine(ReporterA);
        var rowsAfterFailure = await RowCounts();
        using var retry = await ReporterA.Http.SendAsync(Post(Obstacle(), key));
        var created = await retry.ExpectJson(201);

        var number = (JsonNode n) => int.Parse(n.Str("reference")[^6..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(storedAfterFailure, Is.Zero, "the failed obstacle is not listed");
            Assert.That(rowsAfterFailure, Is.EqualTo(rowsBefore), "no obstacle, citation, history, hint or idempotency row was left behind");
            Assert.That(number(created), Is.EqualTo(number(before) + 1), "the failed intake gave its reference number back");
            Assert.That(retry.Headers.Contains("Idempotent-Replayed"), Is.False, "the failed request freed its key");
        });
    }

    [Test]
    public async Task ClaimLeftByAProcessThatDied_BlocksItsRetryAtMostThirtySeconds_AndOneObstacleResults()
    {
        var (firstKey, deadKey) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        using (var first = await ReporterA.Http.SendAsync(Post(Obstacle(), firstKey)))
        {
            await first.ExpectJson(201);
        }

        await LeavePendingClaimAsIfTheProcessDied(copyOf: firstKey, key: deadKey);
        using var whileClaimed = await ReporterA.Http.SendAsync(Post(Obstacle(), deadKey));
        var inProgress = await whileClaimed.ExpectJson(409);
        Clock.Now += TimeSpan.FromSeconds(31);
        using var retry = await ReporterA.Http.SendAsync(Post(Obstacle(), deadKey));
        var created = await retry.ExpectJson(201);
        using var again = await ReporterA.Http.SendAsync(Post(Obstacle(), deadKey));
        var replayed = await again.ExpectJson(201);

        Assert.Multiple(async () =>
        {
            Assert.That(inProgress.Str("type"), Does.EndWith("idempotency-key-in-progress"));
            Assert.That(whileClaimed.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(retry.Headers.Contains("Idempotent-Replayed"), Is.False, "the dead claim was taken over");
            Assert.That(replayed.Str("id"), Is.EqualTo(created.Str("id")));
            Assert.That(await CountMine(ReporterA), Is.EqualTo(2), "the first key's obstacle and exactly one for the retried key");
        });
    }

    /// <summary>What a process killed between claiming a key and committing leaves: a pending claim for the same request.</summary>
    private async Task LeavePendingClaimAsIfTheProcessDied(string copyOf, string key)
    {
        var connections = Factory.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await Dapper.SqlMapper.ExecuteAsync(connection, """
            INSERT INTO idempotency_record (id, scope, idem_key, request_hash, state, created_at)
            SELECT @Id, scope, @Key, request_hash, 'pending', @Now FROM idempotency_record WHERE idem_key = @CopyOf
            """, new { Id = Guid.NewGuid(), Key = key, Now = Clock.Now, CopyOf = copyOf });
    }

    private async Task<long[]> RowCounts()
    {
        var connections = Factory.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        var tables = new[] { "obstacle", "obstacle_regulation", "obstacle_event", "obstacle_likely_duplicate", "idempotency_record" };
        var counts = new List<long>();
        foreach (var table in tables)
        {
            counts.Add(await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, $"SELECT COUNT(*) FROM {table}"));
        }

        return [.. counts];
    }
}
