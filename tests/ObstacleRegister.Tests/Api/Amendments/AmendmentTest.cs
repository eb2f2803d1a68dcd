using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ObstacleRegister.Amendments.Issue;
using ObstacleRegister.Amendments.Notices;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Obstacles;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>
/// Amendment tests add a drafting unit with its drafter, a drafter of another unit, and a circular to amend to
/// the obstacle tests' coordinator, reporters and decree. Today is Monday 2026-03-02 in Asia/Ho_Chi_Minh.
/// </summary>
public abstract class AmendmentTest(DatabaseProvider provider) : ObstacleTest(provider)
{
    protected KeyedClient Drafter { get; private set; } = null!;

    protected KeyedClient OtherDrafter { get; private set; } = null!;

    protected Guid DraftingUnitId => Drafter.UnitId;

    protected string CircularId { get; private set; } = "";

    [SetUp]
    public async Task CreateDraftingUnitAndCircular()
    {
        Drafter = await CreateKey("drafter");
        OtherDrafter = await CreateKey("drafter");
        CircularId = await RegisterRegulation($"{Unique()}/2024/TT-BTTTT", "circular", "Thông tư quy định thời hạn cấp phép viễn thông");
    }

    [TearDown]
    public void DisposeDrafters()
    {
        Drafter.Http.Dispose();
        OtherDrafter.Http.Dispose();
    }

    protected async Task<string> RegisterRegulation(string symbol, string type, string title, string? guidesId = null)
    {
        var body = new JsonObject
        {
            ["symbol"] = symbol, ["type"] = type, ["title"] = title, ["issuer"] = "Bộ Thông tin và Truyền thông",
            ["issuedOn"] = $"{symbol.Split('/')[1]}-01-15", ["guidesId"] = guidesId,
        };
        return (await Coordinator.Http.PostJson("/api/v1/regulations", body).ExpectJson(201)).Str("id");
    }

    /// <summary>An obstacle on the circular, reported by <paramref name="reporter"/> and accepted.</summary>
    protected async Task<string> AcceptedObstacle(KeyedClient reporter, string title = "Thời hạn cấp phép chồng chéo")
    {
        var id = (await Submit(reporter, Obstacle(title, regulationId: CircularId))).Str("id");
        await Transition(Coordinator.Http, id, "accept");
        return id;
    }

    protected JsonObject OpenBody(params string[] obstacleIds) => new()
    {
        ["regulationId"] = CircularId,
        ["kind"] = "amend",
        ["title"] = "Sửa đổi Điều 5 về thời hạn cấp phép",
        ["draftingUnitId"] = DraftingUnitId.ToString(),
        ["responsibleOfficial"] = new JsonObject { ["name"] = "Nguyễn Văn B", ["position"] = "Thứ trưởng" },
        ["dueOn"] = "2026-04-30",
        ["obstacleIds"] = new JsonArray(obstacleIds.Select(id => (JsonNode)id).ToArray()),
    };

    protected async Task<JsonNode> Open(JsonObject? body = null) =>
        await Coordinator.Http.PostJson("/api/v1/amendments", body ?? OpenBody()).ExpectJson(201);

    protected async Task<JsonNode> GetAmendment(string id) => await Coordinator.Http.GetAsync($"/api/v1/amendments/{id}").ExpectJson(200);

    protected async Task<string> ObstacleStatus(string id) => (await Coordinator.Http.GetAsync($"/api/v1/obstacles/{id}").ExpectJson(200)).Str("status");

    protected async Task<string> RegulationStatus(string id) => (await Coordinator.Http.GetAsync($"/api/v1/regulations/{id}").ExpectJson(200)).Str("status");

    protected static JsonObject CheckInBody(string? stage, string note = "Đã hoàn thành dự thảo lần 1.") =>
        new() { ["stage"] = stage, ["note"] = note, ["blockers"] = "Chưa thống nhất với Bộ Tài chính.", ["resourcesRequested"] = null };

    protected async Task<JsonNode> CheckIn(string id, string? stage, int status = 201, KeyedClient? drafter = null) =>
        (await Send((drafter ?? Drafter).Http, $"/api/v1/amendments/{id}/progress", CheckInBody(stage), status: status)).Body;

    /// <summary>Walks the standard procedure from planned up to <paramref name="stage"/>, one check-in per stage.</summary>
    protected async Task AdvanceTo(string id, string stage)
    {
        foreach (var next in new[] { "drafting", "consultation", "appraisal", "submitted" })
        {
            await CheckIn(id, next);
            if (next == stage)
            {
                return;
            }
        }
    }

    /// <summary>An amendment of the circular (with the obstacle, when given) brought to <c>submitted</c>, ready to issue.</summary>
    protected async Task<string> SubmittedAmendment(string? obstacleId = null, string kind = "amend")
    {
        var body = obstacleId is null ? OpenBody() : OpenBody(obstacleId);
        body["kind"] = kind;
        var id = (await Open(body)).Str("id");
        await AdvanceTo(id, "submitted");
        return id;
    }

    protected static JsonObject IssueBody(string symbol, string issuedOn = "2026-03-02", string effectiveOn = "2026-03-02") =>
        new() { ["documentSymbol"] = symbol, ["issuedOn"] = issuedOn, ["effectiveOn"] = effectiveOn };

    protected static string NewCircularSymbol() => $"{Unique()}/2026/TT-BTTTT";

    protected async Task<JsonNode> Issue(string id, JsonObject body, int status = 200, HttpClient? client = null) =>
        (await Send(client ?? Drafter.Http, $"/api/v1/amendments/{id}/issue", body, status: status)).Body;

    /// <summary>One round of the background service that brings issued amendments into force, run now.</summary>
    protected Task<int> RunInForceSweep() =>
        InForceSweep.RunRound(Factory.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger.Instance, CancellationToken.None);

    /// <summary>A law, a decree guiding it, and a circular guiding the decree.</summary>
    protected async Task<(string Law, string Decree, string Circular)> Chain()
    {
        var law = await RegisterRegulation($"{Unique()}/2024/QH15", "law", "Luật Viễn thông");
        var decree = await RegisterRegulation($"{Unique()}/2024/NĐ-CP", "decree", "Nghị định hướng dẫn Luật Viễn thông", law);
        var circular = await RegisterRegulation($"{Unique()}/2024/TT-BTTTT", "circular", "Thông tư hướng dẫn Nghị định", decree);
        return (law, decree, circular);
    }

    /// <summary>Opens an amendment of <paramref name="target"/> of this kind and brings the law it issues into force today.</summary>
    protected async Task BringIntoForce(string target, string kind)
    {
        var obstacle = (await Submit(ReporterA, Obstacle(regulationId: target))).Str("id");
        await Transition(Coordinator.Http, obstacle, "accept");
        var body = OpenBody(obstacle);
        body["regulationId"] = target;
        body["kind"] = kind;
        var id = (await Open(body)).Str("id");
        await AdvanceTo(id, "submitted");
        await Issue(id, IssueBody($"{Unique()}/2026/QH15"));
    }

    /// <summary>One round of the notice rules on <paramref name="host"/> (this fixture's by default); answers how many notices it decided.</summary>
    protected Task<int> NoticeRound(RegisterFactory? host = null)
    {
        var services = (host ?? Factory).Services;
        return NoticeSweep.RunRound(
            services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<IOptions<NoticeOptions>>().Value, CancellationToken.None);
    }

    /// <summary>One round of the email outbox on <paramref name="host"/>; answers how many emails the SMTP server accepted.</summary>
    protected Task<int> EmailRound(RegisterFactory? host = null) =>
        ObstacleRegister.Notifications.Sending.EmailDispatcher.RunRound(
            (host ?? Factory).Services.GetRequiredService<IServiceScopeFactory>(), NullLogger.Instance, CancellationToken.None);

    /// <summary>Sets the clock to <paramref name="localTime"/> in Asia/Ho_Chi_Minh (UTC+7).</summary>
    protected void SetLocalTime(string localTime) =>
        Clock.Now = DateTimeOffset.Parse($"{localTime}+07:00", System.Globalization.CultureInfo.InvariantCulture);

    protected static IEnumerable<string> Actions(JsonNode page) => page["items"]!.AsArray().Select(e => e!.Str("action"));
}
