using System.Net;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Api.Desk;

/// <summary>Admins keep people on <c>/desk/people</c> with the API's rules; nobody else opens it.</summary>
public sealed class PeoplePageTests(DatabaseProvider provider) : DeskTest(provider)
{
    [Test]
    public async Task AnAdmin_AddsAPerson_WithRoles_AndRemovesThem()
    {
        using var admin = await SignedIn(Coordinator.UnitId, "Quản Trị Viên", "admin");
        var unit = ReporterA.UnitId.ToString();

        using var refused = await admin.Post("/desk/people", "/desk/people", [new("email", "khong-hop-le"), new("name", "Hoa"), new("unitId", unit)]);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        using var added = await admin.Post("/desk/people", "/desk/people",
            [new("email", "hoa.tran@example.org"), new("name", "Trần Thị Hoa"), new("unitId", unit), new("roles", "reporter"), new("roles", "drafter")]);
        var people = await Admin.GetAsync("/api/v1/people?limit=200").ExpectJson(200);
        var hoa = people["items"]!.AsArray().Single(p => p!.Str("email") == "hoa.tran@example.org")!;
        using var removed = await admin.Post("/desk/people", $"/desk/people/{hoa.Str("id")}/remove", [new("version", "1")]);

        Assert.Multiple(async () =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(refusedPage, Does.Contain("id=\"f-email-error\"").And.Contain("f-roles-error").And.Contain("value=\"Hoa\""));
            Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(hoa["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EquivalentTo(new[] { "reporter", "drafter" }));
            Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            await Admin.GetAsync($"/api/v1/people/{hoa.Str("id")}").ExpectProblem(404);
        });
    }

    [Test]
    public async Task APersonWhoIsNotAnAdmin_IsRefusedThePage()
    {
        using var reporter = await SignedIn(ReporterA.UnitId, "Lê Báo Cáo", "reporter");

        var (status, page) = await reporter.Open("/desk/people");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(page, Does.Contain("Vai trò của bạn trong hệ thống không bao gồm việc này.").And.Not.Contain("name=\"email\""));
        });
    }
}
