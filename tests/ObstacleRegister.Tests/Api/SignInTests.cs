using System.Net;
using System.Text.Json.Nodes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api;

/// <summary>
/// People sign in with one-time links (no provider is configured here): the link is emailed, works once within its
/// lifetime, opens a session that reaches the desk; a stranger learns nothing, a removed person's session stops
/// within the recheck bound, and a form without its anti-forgery token writes nothing.
/// </summary>
public sealed class SignInTests(DatabaseProvider provider) : ApiTest(provider)
{
    // Every test here asks for links from the same address; the per-address limit has its own test.
    protected override IReadOnlyDictionary<string, string>? HostSettings => new Dictionary<string, string> { ["Authentication:Links:RequestsPerMinute"] = "1000" };

    [Test]
    public async Task ALink_SignsInOnce_AndTheSessionOpensTheDesk()
    {
        var email = await AddPerson("reporter");
        using var browser = new StaffBrowser(Factory);

        var (before, _) = await browser.Open("/desk");
        using var signedIn = await browser.SignInByLink(email);
        var (status, desk) = await browser.Open("/desk");
        var path = await browser.LatestLinkTo(email);
        using var again = await browser.Post("/" + path, "/signin/link", [new("token", Token(path!))]);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(HttpStatusCode.Redirect), "no session: sent to sign in");
            Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(signedIn.Headers.Location!.ToString(), Is.EqualTo("/desk"));
            Assert.That(signedIn.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("__Host-register-session=", StringComparison.Ordinal)
                && c.Contains("secure", StringComparison.OrdinalIgnoreCase) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase)
                && c.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase)), Is.True, "a Secure, HttpOnly, SameSite=Lax session cookie");
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(desk, Does.Contain("<html lang=\"vi\"").And.Contain("Việc của tôi").And.Contain("Người thử"));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a link works once");
        });
    }

    [Test]
    public async Task ALink_PastItsLifetime_DoesNotSignIn()
    {
        var email = await AddPerson("reporter");
        using var browser = new StaffBrowser(Factory);
        using (await browser.Post("/signin", "/signin", [new("email", email)]))
        {
        }

        var path = await browser.LatestLinkTo(email);
        Clock.Now += TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1);
        using var late = await browser.Post("/" + path, "/signin/link", [new("token", Token(path!))]);
        var (desk, _) = await browser.Open("/desk");

        Assert.Multiple(() =>
        {
            Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(desk, Is.EqualTo(HttpStatusCode.Redirect));
        });
    }

    [Test]
    public async Task AStrangersAddress_GetsTheSameAnswer_AndNoEmail()
    {
        var email = await AddPerson("reporter");
        using var browser = new StaffBrowser(Factory);

        using var known = await browser.Post("/signin?lang=en", "/signin", [new("email", email)]);
        using var stranger = await browser.Post("/signin", "/signin", [new("email", "nobody@example.org")]);
        var knownPage = await known.Content.ReadAsStringAsync();
        var strangerPage = await stranger.Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(known.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(stranger.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(strangerPage.Replace("nobody@example.org", email, StringComparison.Ordinal), Is.EqualTo(knownPage),
                "the page does not say whether the address is known");
            Assert.That(await browser.LatestLinkTo("nobody@example.org"), Is.Null);
        });
    }

    [Test]
    public async Task ABadAddress_ComesBackWithItsErrorBesideTheField_AndWhatWasTyped()
    {
        using var browser = new StaffBrowser(Factory);

        using var refused = await browser.Post("/signin?lang=en", "/signin", [new("email", "not an address")]);
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(page, Does.Contain("id=\"f-email-error\"").And.Contain("aria-invalid=\"true\"").And.Contain("value=\"not an address\""));
            Assert.That(page, Does.Contain("href=\"#f-email\""), "the summary links to the field");
        });
    }

    [Test]
    public async Task AFormWithoutItsToken_Is400_AndNothingIsSent()
    {
        var email = await AddPerson("reporter");
        using var browser = new StaffBrowser(Factory);

        using var forged = await browser.Post("/signin", "/signin", [new("email", email)], forged: true);

        Assert.Multiple(async () =>
        {
            Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await browser.LatestLinkTo(email), Is.Null);
        });
    }

    [Test]
    public async Task ARemovedPerson_IsSignedOut_WithinTheRecheckBound()
    {
        var email = await AddPerson("reporter");
        using var browser = new StaffBrowser(Factory);
        using (await browser.SignInByLink(email))
        {
        }

        var people = await Admin.GetAsync("/api/v1/people?limit=100").ExpectJson(200);
        var id = people["items"]!.AsArray().Single(p => p!.Str("email") == email)!.Str("id");
        using (await Admin.DeleteAsync($"/api/v1/people/{id}"))
        {
        }

        var (stillWithin, _) = await browser.Open("/desk");
        Clock.Now += TimeSpan.FromMinutes(1);
        var (after, _) = await browser.Open("/desk");

        Assert.Multiple(() =>
        {
            Assert.That(stillWithin, Is.EqualTo(HttpStatusCode.OK), "the session is read again once a minute, not on every request");
            Assert.That(after, Is.EqualTo(HttpStatusCode.Redirect), "removed: the session no longer opens the desk");
        });
    }

    [Test]
    public async Task ASession_EndsWhenIdle_AndAfterItsAbsoluteLifetime()
    {
        var email = await AddPerson("reporter");
        using var idle = new StaffBrowser(Factory);
        using (await idle.SignInByLink(email))
        {
        }

        Clock.Now += TimeSpan.FromMinutes(31);
        var (afterIdling, _) = await idle.Open("/desk");

        using var busy = new StaffBrowser(Factory);
        using (await busy.SignInByLink(email))
        {
        }

        var statuses = new List<HttpStatusCode>();
        for (var hour = 0; hour < 11; hour++)
        {
            for (var step = 0; step < 3; step++)
            {
                Clock.Now += TimeSpan.FromMinutes(20);
                statuses.Add((await busy.Open("/desk")).Status);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(afterIdling, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(statuses.Take(29), Is.All.EqualTo(HttpStatusCode.OK), "used every 20 minutes, a session lasts its 10 hours");
            Assert.That(statuses.Last(), Is.EqualTo(HttpStatusCode.Redirect), "and no longer");
        });
    }

    private async Task<string> AddPerson(params string[] roles) => await AddPerson(await CreateUnit(), "Người thử", roles);

    private static string Token(string path) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("https://localhost/" + path).Query)["token"].ToString();
}
