using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ObstacleRegister.Reports.Site;

/// <summary>
/// Renders a page component to HTML before anything is sent, so the answer has an ETag of its bytes (and a 304 costs
/// no transfer) like the JSON pages; the components run on the renderer's dispatcher, in the page's language.
/// </summary>
internal static class SiteRenderer
{
    public static async Task<byte[]> Render<TView>(HttpContext http, SiteView view, object model)
        where TView : IComponent
    {
        var services = http.RequestServices;
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            CultureInfo.CurrentUICulture = view.Culture;
            var output = await renderer.RenderComponentAsync<TView>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(SitePageBase.View)] = view,
                [nameof(SitePageBase.Model)] = model,
            }));
            return output.ToHtmlString();
        });
        return Encoding.UTF8.GetBytes(html);
    }
}

/// <summary>
/// The parameters every page component takes. Components are public classes and the page records are the module's own,
/// so the model travels as an object and each page reads it as its type.
/// </summary>
public abstract class SitePageBase : ComponentBase
{
    [Parameter, EditorRequired]
    public SiteView View { get; set; } = null!;

    [Parameter, EditorRequired]
    public object Model { get; set; } = null!;
}
