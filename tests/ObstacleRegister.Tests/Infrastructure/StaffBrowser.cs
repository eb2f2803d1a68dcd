using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Tests.Infrastructure;

/// <summary>
/// A person at the staff pages over the real pipeline, as a browser without script would be: HTTPS (the session's
/// cookies are Secure), cookies kept, redirects seen, forms posted with the token their page carried.
/// </summary>
internal sealed partial class StaffBrowser(WebApplicationFactory<Program> factory) : IDisposable
{
    public HttpClient Http { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true,
    });

    /// <summary>The page at a path, with its status and HTML.</summary>
    public async Task<(HttpStatusCode Status, string Html)> Open(string path)
    {
        using var response = await Http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a form the way its page would: the page's anti-forgery token added unless <paramref name="forged"/>.</summary>
    public async Task<HttpResponseMessage> Post(string pagePath, string action, IEnumerable<KeyValuePair<string, string>> fields, bool forged = false)
    {
        var (_, html) = await Open(pagePath);
        var values = fields.ToList();
        if (!forged)
        {
            values.Add(new("__RequestVerificationToken", TokenIn(html)));
        }

        return await Http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Signs in with a link sent to the address: asks for it, reads the queued email's link, opens and uses it.</summary>
    public async Task<HttpResponseMessage> SignInByLink(string email)
    {
        using (var asked = await Post("/signin", "/signin", [new("email", email)]))
        {
            Assert.That(asked.StatusCode, Is.EqualTo(HttpStatusCode.OK), "asking for a link");
        }

        var path = await LatestLinkTo(email) ?? throw new AssertionException($"No sign-in link was queued for {email}.");
        var token = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("https://localhost/" + path).Query)["token"].ToString();
        return await Post("/" + path, "/signin/link", [new("token", token)]);
    }

    /// <summary>The path of the newest sign-in link emailed to an address, from the outbox.</summary>
    public async Task<string?> LatestLinkTo(string email)
    {
        await using var connection = await factory.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        var content = await Dapper.SqlMapper.QueryFirstOrDefaultAsync<string>(connection,
            "SELECT content FROM notification_email WHERE template = 'sign_in_link' AND recipients LIKE @To ORDER BY created_at DESC, id DESC",
            new { To = $"%{email}%" });
        return content is null ? null : JsonDocument.Parse(content).RootElement.GetProperty("values").GetProperty("path").GetString();
    }

    public static string TokenIn(string html) =>
        TokenInput().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new AssertionException("The page has no anti-forgery token.");

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
