using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;
using ObstacleRegister.Webhooks.Endpoints;
using ObstacleRegister.Webhooks.Secrets;

namespace ObstacleRegister.Tests.Api.Webhooks;

/// <summary>
/// Signing secrets are sealed at rest (a copy of the database cannot sign), opened only to sign; a name is resolved
/// before the write transaction opens, never while it holds the lock.
/// </summary>
public sealed class WebhookSecretTests(DatabaseProvider provider) : WebhookTest(provider)
{
    private readonly RecordingResolver resolver = new();

    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string>
    {
        ["Webhooks:RetryBaseDelay"] = "00:00:00",
    };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.AddSingleton(resolver);
        services.AddScoped<IHostAddressResolver>(sp => new RecordingResolver.Scoped(resolver, sp.GetRequiredService<DbSession>()));
    }

    [Test]
    public async Task Secret_IsStoredSealed_AndDeliveriesAreSignedWithTheOneShownOnce()
    {
        var url = "http://hooks.example.org/sealed";
        var secret = await RegisterEndpoint(url, ["obstacle.submitted"], null);
        var stored = await StoredSecrets();

        await Submit(ReporterA);
        await DispatchRound();

        Assert.Multiple(() =>
        {
            Assert.That(stored, Has.Count.EqualTo(1));
            Assert.That(stored[0], Does.StartWith("dp1:"));
            Assert.That(stored[0], Does.Not.Contain(secret["whsec_".Length..]), "the database holds no signing key");
            Assert.That(Receiver.For(url).Single().IsSignedWith(secret), Is.True);
        });
    }

    [Test]
    public async Task SecretStoredInClearByAnEarlierVersion_IsSealedAtStart_AndStillSigns()
    {
        var url = "http://hooks.example.org/legacy";
        await RegisterEndpoint(url, ["obstacle.submitted"], null);
        const string legacy = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        await Execute("UPDATE webhook_endpoint SET secret = @Legacy", new { Legacy = legacy });

        var sealedCount = await Send(new SealStoredSecrets());
        var stored = await StoredSecrets();
        await Submit(ReporterA);
        await DispatchRound();

        Assert.Multiple(() =>
        {
            Assert.That(sealedCount, Is.EqualTo(1));
            Assert.That(stored.Single(), Does.StartWith("dp1:"));
            Assert.That(Receiver.For(url).Single().IsSignedWith(legacy), Is.True);
        });
    }

    [Test]
    public async Task SecretSealedByAnotherKeyRing_FailsItsDeliveriesOnly_AndTheRoundGoesOn()
    {
        var (foreign, own) = ("http://hooks.example.org/foreign", "http://hooks.example.org/own");
        await RegisterEndpoint(foreign, ["obstacle.submitted"], null);
        await Execute("UPDATE webhook_endpoint SET secret = 'dp1:CfDJ8NotSealedHere'", new { });
        await RegisterEndpoint(own, ["obstacle.submitted"], null);
        var foreignId = await EndpointId(foreign);

        await Submit(ReporterA);
        await DispatchRound();
        var delivery = (await Admin.GetAsync($"/api/v1/webhooks/{foreignId}/deliveries").ExpectJson(200))["items"]!.AsArray().Single()!;

        Assert.Multiple(() =>
        {
            Assert.That(Receiver.For(foreign), Is.Empty, "nothing unsigned is sent");
            Assert.That(Receiver.For(own), Has.Count.EqualTo(1));
            Assert.That(delivery["lastError"]!.GetValue<string>(), Does.Contain("key ring"));
        });
    }

    [Test]
    public async Task Registration_ResolvesTheNameBeforeTheTransaction_AndRefusesAnInternalAnswer()
    {
        resolver.Answer = [IPAddress.Parse("64:ff9b::a00:5")];
        using var privateTarget = await Admin.PostJson("/api/v1/webhooks", new JsonObject
        {
            ["url"] = "http://hooks.example.org/nat64", ["eventTypes"] = new JsonArray("*"),
        });
        var problem = await privateTarget.ExpectJson(400);
        resolver.Answer = [IPAddress.Parse("93.184.216.34")];
        await RegisterEndpoint("http://hooks.example.org/public", ["*"], null);

        Assert.Multiple(() =>
        {
            Assert.That(problem["errors"]!["url"]![0]!.GetValue<string>(), Does.Contain("private"));
            Assert.That(resolver.Calls, Is.EqualTo(2));
            Assert.That(resolver.InsideTransaction, Is.EqualTo(0), "no name was resolved while the write lock was held");
        });
    }

    private async Task<List<string>> StoredSecrets()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IDbSession>();
        return [.. await db.QueryAsync<string>("SELECT secret FROM webhook_endpoint", null, CancellationToken.None)];
    }

    private async Task Execute(string sql, object parameters)
    {
        var connections = Factory.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, parameters);
    }

    /// <summary>Answers every name with the addresses a test chose, and notes whether the request's transaction was open.</summary>
    public sealed class RecordingResolver
    {
        private int calls;
        private int insideTransaction;

        public IPAddress[] Answer { get; set; } = [IPAddress.Parse("93.184.216.34")];

        public int Calls => calls;

        public int InsideTransaction => insideTransaction;

        internal sealed class Scoped(RecordingResolver recorder, DbSession session) : IHostAddressResolver
        {
            public Task<IPAddress[]> Resolve(string host, CancellationToken ct)
            {
                Interlocked.Increment(ref recorder.calls);
                if (session.InTransaction)
                {
                    Interlocked.Increment(ref recorder.insideTransaction);
                }

                return Task.FromResult(recorder.Answer);
            }
        }
    }
}
