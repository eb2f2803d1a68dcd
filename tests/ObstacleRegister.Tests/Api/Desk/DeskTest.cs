using System.Net;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Api.Amendments;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Desk;

/// <summary>The amendment tests' units, keys and documents, with people signed in to the staff pages by link.</summary>
public abstract class DeskTest(DatabaseProvider provider) : AmendmentTest(provider)
{
    // Every test signs people in from the same address; the per-address limit has its own test.
    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string> { ["Authentication:Links:RequestsPerMinute"] = "1000" };

    /// <summary>A new person of the unit, with these roles, signed in by a link.</summary>
    internal async Task<StaffBrowser> SignedIn(Guid unitId, string name, params string[] roles) =>
        await SignedInAs(await AddPerson(unitId, name, roles));

    internal async Task<StaffBrowser> SignedInAs(string email)
    {
        var browser = new StaffBrowser(Factory);
        using var signedIn = await browser.SignInByLink(email);
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed in");
        return browser;
    }
}
