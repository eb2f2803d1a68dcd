using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ObstacleRegister.Tests.Infrastructure;

public static class HttpAssertions
{
    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string path, JsonNode body) =>
        client.PostAsJsonAsync(path, body);

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string path, JsonNode body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>A JSON merge patch (RFC 7396), with the ETag it was read with when given.</summary>
    public static Task<HttpResponseMessage> PatchMergeJson(this HttpClient client, string path, JsonNode patch, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, path)
        {
            Content = new StringContent(patch.ToJsonString(), System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>Asserts the status, then returns the body as JSON (problem details included).</summary>
    public static async Task<JsonNode> ExpectJson(this Task<HttpResponseMessage> pending, int status)
    {
        using var response = await pending;
        return await response.ExpectJson(status);
    }

    public static async Task<JsonNode> ExpectJson(this HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(status), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Asserts a problem response: its status, its media type, and that it names the field when one is given.</summary>
    public static async Task<JsonNode> ExpectProblem(this Task<HttpResponseMessage> pending, int status, string? field = null)
    {
        using var response = await pending;
        var problem = await response.ExpectJson(status);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["status"]?.GetValue<int>(), Is.EqualTo(status));
            if (field is not null)
            {
                Assert.That(problem["errors"]?.AsObject().Select(e => e.Key), Does.Contain(field), problem.ToJsonString());
            }
        });
        return problem;
    }

    public static string Str(this JsonNode node, string property) => node[property]!.GetValue<string>();
}
