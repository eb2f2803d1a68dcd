using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObstacleRegister.Pages;

namespace ObstacleRegister.Access.Desk;

/// <summary>A person's desk: each module's section that is theirs, in order.</summary>
internal sealed record DeskModel(IReadOnlyList<RenderFragment> Sections);

/// <summary>
/// <c>/desk</c>, a person's work by role. Access owns the page and the person; the sections come from the modules
/// that own the work (<see cref="IDeskSection"/>), so the desk points at no module above it.
/// </summary>
internal static class DeskEndpoints
{
    public static void MapDesk(this IEndpointRouteBuilder app)
    {
        app.MapGet("/desk", async (HttpContext http, IEnumerable<IDeskSection> sections, CancellationToken ct) =>
            {
                var view = StaffPages.ViewOf(http);
                var person = view.Person ?? throw new InvalidOperationException("The desk requires a session.");
                var shown = new List<RenderFragment>();
                foreach (var section in sections.OrderBy(s => s.Order))
                {
                    if (await section.Render(person, view, ct) is { } fragment)
                    {
                        shown.Add(fragment);
                    }
                }

                return await StaffPages.Render<Pages.DeskPage>(http, new DeskModel(shown));
            })
            .StaffPage();
        app.MapGet(StaffAssets.Path, (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=3600";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.Bytes(StaffAssets.Stylesheet, "text/css; charset=utf-8");
            })
            .AllowAnonymous().ExcludeFromDescription();
    }
}
