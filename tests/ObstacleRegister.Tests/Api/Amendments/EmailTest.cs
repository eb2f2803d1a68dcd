using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Amendments;

/// <summary>
/// Email tests: a real SMTP server in the test process that the host sends to, a webhook receiver, and the addresses
/// the register writes to (a unit's, an official's, the configured coordinators' and leadership's).
/// </summary>
public abstract class EmailTest(DatabaseProvider provider) : AmendmentTest(provider)
{
    protected const string UnitAddress = "phapche@mic.gov.vn";
    protected const string OfficialAddress = "nvb@mic.gov.vn";
    protected const string CoordinatorsAddress = "dieuphoi@moj.gov.vn";
    protected const string LeadershipAddress = "lanhdao@moj.gov.vn";
    protected const string HookUrl = "http://receiver.test/hooks/notices";

    protected TestSmtpServer Smtp { get; } = TestSmtpServer.Start();
    protected WebhookReceiver Receiver { get; } = new();

    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string>
    {
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Smtp:From"] = "register@register.test",
        ["Notifications:Smtp:Security"] = "None",
        ["Notifications:CoordinatorsEmail"] = CoordinatorsAddress,
        ["Notifications:LeadershipEmail"] = LeadershipAddress,
        ["Notifications:PublicBaseUrl"] = "https://register.test/",
        ["Webhooks:AllowPrivateTargets"] = "true",
    };

    protected override void ConfigureTestServices(IServiceCollection services) => Receiver.Register(services);

    [SetUp]
    public void ClearMailbox()
    {
        Smtp.Clear();
        Receiver.Received.Clear();
    }

    [OneTimeTearDown]
    public void StopSmtp() => Smtp.Dispose();

    /// <summary>The drafter of the unit <see cref="BodyWithAddresses"/> created last.</summary>
    protected KeyedClient UnitDrafter { get; private set; } = null!;

    /// <summary>An amendment drafted by a unit with a contact address (a new one unless named), its official with one too.</summary>
    protected async Task<JsonObject> BodyWithAddresses(string dueOn, string title = "Sửa đổi Điều 5 về thời hạn cấp phép", bool sameUnit = false)
    {
        if (!sameUnit)
        {
            var unit = await Admin.PostJson("/api/v1/units", new JsonObject
            {
                ["code"] = $"VPC{Unique()}", ["name"] = "Vụ Pháp chế", ["kind"] = "agency", ["contactEmail"] = UnitAddress,
            }).ExpectJson(201);
            UnitDrafter = await CreateKey(Guid.Parse(unit.Str("id")), "drafter");
        }

        var body = OpenBody(await AcceptedObstacle(ReporterA));
        body["title"] = title;
        body["draftingUnitId"] = UnitDrafter.UnitId.ToString();
        body["dueOn"] = dueOn;
        body["responsibleOfficial"] = new JsonObject { ["name"] = "Nguyễn Văn B", ["position"] = "Thứ trưởng", ["email"] = OfficialAddress };
        return body;
    }

    protected static JsonNode Email(JsonNode notice) => notice["deliveries"]!.AsArray().Single(d => d!.Str("channel") == "email")!;

    protected static string Recipients(MimeMessage message) => string.Join(',', message.To.Mailboxes.Select(m => m.Address));
}
