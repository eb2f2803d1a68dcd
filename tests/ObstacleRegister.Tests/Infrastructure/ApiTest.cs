using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Tests.Infrastructure;

/// <summary>
/// Base of the API tests: one host per fixture and database provider, a fresh database per test. The SQL
/// Server variant runs when <c>OBSTACLEREGISTER_TEST_SQLSERVER</c> holds a connection string and says so
/// when it does not.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.SqlServer)]
public abstract class ApiTest(DatabaseProvider provider)
{
    private static int sequence;

    protected RegisterFactory Factory { get; private set; } = null!;

    protected FakeClock Clock { get; } = new();

    protected DatabaseProvider Provider => provider;

    /// <summary>Configuration a fixture's host needs beyond the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string>? HostSettings => null;

    /// <summary>Services a fixture's host needs replaced, such as an in-memory webhook receiver.</summary>
    protected virtual void ConfigureTestServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    /// <summary>True for a fixture whose host must listen on a real port (a browser drives it); others use the in-memory server.</summary>
    protected virtual bool ListensOnAPort => false;

    /// <summary>A client holding the bootstrap admin key.</summary>
    protected HttpClient Admin { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartHost()
    {
        if (provider == DatabaseProvider.SqlServer && TestDatabase.SqlServerConnectionString is null)
        {
            Assert.Ignore($"SQL Server variant not run: set {TestDatabase.SqlServerVariable} to a connection string to run it.");
        }

        var database = TestDatabase.Create(provider);
        Factory = new RegisterFactory(database, Clock, HostSettings, ConfigureTestServices);
        try
        {
            if (ListensOnAPort)
            {
                Factory.UseKestrel(0);
                Factory.StartServer();
            }
            else
            {
                _ = Factory.Server;
            }
        }
        catch
        {
            // A host that could not start (a failed migration) must not leave its database behind.
            Factory.Dispose();
            database.Dispose();
            Factory = null!;
            throw;
        }
    }

    [SetUp]
    public void StartTest()
    {
        Factory.Database.StartTest();
        Factory.Faults.Clear();
        Factory.LogLines.Clear();
        Clock.Now = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        Admin = Client(RegisterFactory.AdminKey);
    }

    [TearDown]
    public void EndTest()
    {
        Admin.Dispose();
        // A failed test shows what the host logged as errors meanwhile: the cause of a 500 is only in the log.
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            foreach (var line in Factory.LogLines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)))
            {
                TestContext.Out.WriteLine(line);
            }
        }
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        if (Factory is null)
        {
            return;
        }

        Factory.Dispose();
        Factory.Database.Dispose();
    }

    /// <summary>A number no other test in this run has used, for codes and symbols that must be unique.</summary>
    protected static int Unique() => Interlocked.Increment(ref sequence);

    protected HttpClient Anonymous() => Factory.CreateClient();

    protected HttpClient Client(string key)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    /// <summary>Adds a person of the register (as an admin does) and returns their address.</summary>
    protected async Task<string> AddPerson(Guid unitId, string name, params string[] roles)
    {
        var email = $"person{Unique()}@example.org";
        using var added = await Admin.PostJson("/api/v1/people", new System.Text.Json.Nodes.JsonObject
        {
            ["email"] = email, ["name"] = name, ["unitId"] = unitId.ToString(),
            ["roles"] = new System.Text.Json.Nodes.JsonArray([.. roles.Select(r => (System.Text.Json.Nodes.JsonNode)r)]),
        });
        Assert.That((int)added.StatusCode, Is.EqualTo(201), "adding a person");
        return email;
    }

    /// <summary>Registers a unit and returns its id.</summary>
    protected async Task<Guid> CreateUnit(string? code = null, string kind = "ministry")
    {
        var body = new JsonObject { ["code"] = code ?? $"U{Unique()}", ["name"] = "Bộ Thông tin và Truyền thông", ["kind"] = kind };
        var json = await Admin.PostJson("/api/v1/units", body).ExpectJson(201);
        return Guid.Parse(json["id"]!.GetValue<string>());
    }

    /// <summary>Creates a key with the given roles for a unit (a new unit when none is given) and returns a client holding it.</summary>
    protected async Task<KeyedClient> CreateKey(params string[] roles) => await CreateKey(null, roles);

    protected async Task<KeyedClient> CreateKey(Guid? unitId, params string[] roles)
    {
        var unit = unitId ?? await CreateUnit();
        var body = new JsonObject { ["unitId"] = unit.ToString(), ["roles"] = new JsonArray(roles.Select(r => (JsonNode)r).ToArray()), ["name"] = "test key" };
        var json = await Admin.PostJson("/api/v1/api-keys", body).ExpectJson(201);
        var secret = json["secret"]!.GetValue<string>();
        return new KeyedClient(Client(secret), secret, Guid.Parse(json["id"]!.GetValue<string>()), unit);
    }

    protected static StringContent RawJson(string text) => new(text, Encoding.UTF8, "application/json");
}

/// <summary>A client and the key it holds.</summary>
public sealed record KeyedClient(HttpClient Http, string Secret, Guid KeyId, Guid UnitId);
