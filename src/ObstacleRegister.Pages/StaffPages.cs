using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ObstacleRegister.Pages;

/// <summary>
/// The parameters every staff page component takes: the page's frame and its own model. Components are public classes
/// and a module's page models are its own, so the model travels as an object and each page reads it as its type.
/// </summary>
public abstract class StaffPage : ComponentBase
{
    [Parameter, EditorRequired]
    public StaffView View { get; set; } = null!;

    [Parameter, EditorRequired]
    public object Model { get; set; } = null!;
}

/// <summary>
/// Renders a staff page on the server, in the person's language, with a fresh anti-forgery token for its forms. A
/// staff page is the person's own: never stored by a cache, never framed, running no script.
/// </summary>
public static class StaffPages
{
    public const string HtmlType = "text/html; charset=utf-8";

    private const string Policy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static async Task<IResult> Render<TPage>(HttpContext http, object model, int status = StatusCodes.Status200OK)
        where TPage : StaffPage
    {
        var view = ViewOf(http);
        var services = http.RequestServices;
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            CultureInfo.CurrentUICulture = view.Culture;
            CultureInfo.CurrentCulture = view.Culture;
            var output = await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(StaffPage.View)] = view,
                [nameof(StaffPage.Model)] = model,
            }));
            return output.ToHtmlString();
        });
        ApplyHeaders(http.Response, view);
        return Results.Content(html, HtmlType, Encoding.UTF8, status);
    }

    public static StaffView ViewOf(HttpContext http)
    {
        var language = PageLanguage.Choose(http);
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return new StaffView(
            http.Request.Path.Value ?? "/", http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            language.Culture, SignedInPerson.Of(http.User), tokens.FormFieldName, tokens.RequestToken ?? "",
            http.RequestServices.GetRequiredService<BuildingBlocks.Time.RegisterCalendar>().Zone);
    }

    private static void ApplyHeaders(HttpResponse response, StaffView view)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers.ContentLanguage = view.Language;
    }
}
