using System.Text.Json.Nodes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Obstacles;
using ObstacleRegister.Tests.Infrastructure;
using ObstacleRegister.Webhooks.Delivery;

namespace ObstacleRegister.Tests.Api.Webhooks;

/// <summary>
/// Webhook tests deliver to an in-memory receiver. The host's own dispatcher runs hourly here: a test runs the rounds
/// it needs explicitly, so what it asserts afterwards has been committed, however loaded the machine is.
/// </summary>
public abstract class WebhookTest(DatabaseProvider provider) : ObstacleTest(provider)
{
    protected WebhookReceiver Receiver { get; } = new();

    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string>
    {
        ["Webhooks:RetryBaseDelay"] = "00:00:00",
        ["Webhooks:MaxAttempts"] = "4",
        ["Webhooks:AllowPrivateTargets"] = "true",
    };

    protected override void ConfigureTestServices(IServiceCollection services) => Receiver.Register(services);

    /// <summary>One dispatcher round on <paramref name="factory"/> (this fixture's host by default): fan out, then one attempt per due delivery.</summary>
    protected async Task DispatchRound(RegisterFactory? factory = null) =>
        await WebhookDispatcher.RunRound((factory ?? Factory).Services.GetRequiredService<IServiceScopeFactory>(), NullLogger.Instance, CancellationToken.None);

    protected async Task DispatchRounds(int rounds)
    {
        for (var i = 0; i < rounds; i++)
        {
            await DispatchRound();
        }
    }

    protected async Task<T> Send<T>(IRequest<T> request, RegisterFactory? factory = null)
    {
        await using var scope = (factory ?? Factory).Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Another instance of the service on this fixture's database, delivering to its own receiver; started.</summary>
    protected RegisterFactory SecondHost(WebhookReceiver receiver, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string> { ["Webhooks:AllowPrivateTargets"] = "true" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var host = new RegisterFactory(Factory.Database, Clock, all, receiver.Register);
        _ = host.Server;
        return host;
    }

    protected static string Url() => $"http://receiver.test/hooks/{Guid.NewGuid():N}";

    protected async Task<string> RegisterEndpoint(string url, string[] types, Guid? unitId)
    {
        var body = new JsonObject
        {
            ["url"] = url, ["eventTypes"] = new JsonArray(types.Select(t => (JsonNode)t).ToArray()), ["unitId"] = unitId?.ToString(),
        };
        return (await Admin.PostJson("/api/v1/webhooks", body).ExpectJson(201)).Str("secret");
    }

    protected async Task<string> EndpointId(string url) =>
        (await Admin.GetAsync("/api/v1/webhooks?limit=200").ExpectJson(200))["items"]!.AsArray().Single(e => e!.Str("url") == url)!.Str("id");
}
