using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;
using ObstacleRegister.Tests.KiotaClient;
using ObstacleRegister.Tests.KiotaClient.Models;

namespace ObstacleRegister.Tests.Api;

/// <summary>
/// The same flow as <see cref="GeneratedClientTests"/> through the client Microsoft's Kiota generates from the committed
/// document (the test build regenerates it): what a typed body, a header the document declares and an enum look like to
/// a second generator's integrators, and that its problems are the document's.
/// </summary>
public sealed class KiotaClientTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task TheKiotaClient_RegistersSubmitsAndAccepts_WithIfMatchFromTheVersion()
    {
        var coordinator = Kiota((await CreateKey("coordinator")).Secret);
        var reporter = Kiota((await CreateKey("reporter")).Secret);

        var regulation = await coordinator.Api.V1.Regulations.PostAsync(new RegulationBody
        {
            Symbol = $"{Unique()}/2023/NĐ-CP", Type = RegulationType.Decree, Title = "Nghị định về bảo vệ dữ liệu cá nhân",
            Issuer = "Chính phủ", IssuedOn = new Date(2023, 4, 17), EffectiveOn = new Date(2023, 7, 1),
        });
        var idempotencyKey = Guid.NewGuid().ToString();
        var submitted = await reporter.Api.V1.Obstacles.PostAsync(Obstacle(regulation!.Id!.Value), c => c.Headers.Add("Idempotency-Key", idempotencyKey));
        var replayed = await reporter.Api.V1.Obstacles.PostAsync(Obstacle(regulation.Id.Value), c => c.Headers.Add("Idempotency-Key", idempotencyKey));
        var accepted = await coordinator.Api.V1.Obstacles[submitted!.Id!.Value].Accept.PostAsync(
            new TriageNoteBody { Note = "Đúng thẩm quyền" }, c => c.Headers.Add("If-Match", $"\"{submitted.Version}\""));
        var listed = await coordinator.Api.V1.Obstacles.GetAsync(c =>
        {
            c.QueryParameters.StatusAsObstacleStatus = ObstacleStatus.Accepted;
            c.QueryParameters.RegulationId = regulation.Id;
        });

        Assert.Multiple(() =>
        {
            Assert.That(submitted.Status, Is.EqualTo(ObstacleStatus.Submitted));
            Assert.That(replayed!.Id, Is.EqualTo(submitted.Id), "the same Idempotency-Key answers the first intake again");
            Assert.That(accepted!.Status, Is.EqualTo(ObstacleStatus.Accepted));
            Assert.That(accepted.Version, Is.GreaterThan(submitted.Version!.Value));
            Assert.That(listed!.Items!.Select(i => i.Id), Is.EqualTo(new[] { submitted.Id }));
        });
    }

    [Test]
    public async Task TheKiotaClient_ReadsTheRegistersProblems()
    {
        var reporter = Kiota((await CreateKey("reporter")).Secret);
        var untitled = Obstacle(Guid.NewGuid());
        untitled.Title = "";

        var refused = Assert.CatchAsync<ApiException>(() => reporter.Api.V1.Obstacles.PostAsync(untitled));

        Assert.That(refused!.ResponseStatusCode, Is.EqualTo(400));
    }

    private RegisterKiotaClient Kiota(string key)
    {
        var http = Factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", key);
        return new RegisterKiotaClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') });
    }

    private static SubmitObstacleBody Obstacle(Guid regulationId) => new()
    {
        Title = "Quy định chồng chéo về thời hạn cấp phép", Description = "Điều 5 và Thông tư hướng dẫn quy định khác nhau về thời hạn.",
        Category = ObstacleCategory.Conflict, Severity = ObstacleSeverity.High, Proposal = RemedyRoute.Amend, Contact = "Vụ Pháp chế",
        Regulations = [new CitedRegulationBody { RegulationId = regulationId, Provision = "Điều 5, khoản 2" }],
    };
}
