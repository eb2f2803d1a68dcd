using System.Text;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api;

/// <summary>
/// The same mistake is the same problem everywhere: a missing body on every operation that needs one, and the errors the
/// framework answers by itself (no route, a method the path does not take, a body that is not JSON) carry the
/// register's problem types like every other.
/// </summary>
public sealed class ProblemConsistencyTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task EveryOperationThatNeedsABody_AnswersAMissingOneWithTheSameValidationProblemOnBody()
    {
        var document = await Anonymous().GetAsync("/openapi/v1.json").ExpectJson(200);
        using var client = (await CreateKey("reporter", "drafter", "coordinator", "admin")).Http;
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!)))
            .Where(o => o.Operation["requestBody"]?["required"]?.GetValue<bool>() == true)
            .ToList();

        var answers = new List<string>();
        foreach (var (path, method, _) in operations)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", Guid.NewGuid().ToString());
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
            using var response = await client.SendAsync(request);
            var problem = await response.ExpectJson(400);
            answers.Add($"{method} {path}: {problem.Str("type")} {string.Join(",", problem["errors"]?.AsObject().Select(e => e.Key) ?? [])}");
        }

        Assert.That(operations, Has.Count.GreaterThanOrEqualTo(10), "the document marks the bodies operations need");
        Assert.That(answers.Where(a => !a.EndsWith(": urn:obstacle-register:problem:validation body", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task NoRoute_AMethodThePathDoesNotTake_AndABodyThatIsNotJson_CarryTheRegistersTypes()
    {
        using var unknownPath = await Admin.GetAsync("/api/v1/nothing-here");
        using var wrongMethod = await Admin.DeleteAsync("/api/v1/units");
        using var notJson = await Admin.PostAsync("/api/v1/units", new StringContent("code=U1", Encoding.UTF8, "text/plain"));

        var (notFound, notAllowed, unsupported) = (await unknownPath.ExpectJson(404), await wrongMethod.ExpectJson(405), await notJson.ExpectJson(415));
        Assert.Multiple(() =>
        {
            Assert.That(notFound.Str("type"), Is.EqualTo("urn:obstacle-register:problem:not-found"));
            Assert.That(notAllowed.Str("type"), Is.EqualTo("urn:obstacle-register:problem:method-not-allowed"));
            Assert.That(notAllowed.Str("detail"), Does.Contain("DELETE"));
            Assert.That(unsupported.Str("type"), Is.EqualTo("urn:obstacle-register:problem:unsupported-media-type"));
            Assert.That(new[] { notFound, notAllowed, unsupported }.Select(p => p.Str("traceId")), Has.All.Not.Empty);
            Assert.That(notJson.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }
}
