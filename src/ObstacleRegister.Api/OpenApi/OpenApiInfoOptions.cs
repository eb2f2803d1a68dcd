using Microsoft.OpenApi;

namespace ObstacleRegister.Api.OpenApi;

/// <summary>
/// Who runs this register and under which terms its API may be used: the operator's to say, so the document names a
/// contact and a licence only when configured (<c>OpenApi__ContactName</c>, <c>OpenApi__LicenseName</c>, …).
/// </summary>
internal sealed class OpenApiInfoOptions
{
    public const string Section = "OpenApi";

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public Uri? ContactUrl { get; set; }

    public string? LicenseName { get; set; }

    public Uri? LicenseUrl { get; set; }

    public void Apply(OpenApiInfo info)
    {
        if (ContactName is not null || ContactEmail is not null || ContactUrl is not null)
        {
            info.Contact = new OpenApiContact { Name = ContactName, Email = ContactEmail, Url = ContactUrl };
        }

        if (LicenseName is not null)
        {
            info.License = new OpenApiLicense { Name = LicenseName, Url = LicenseUrl };
        }
    }
}
