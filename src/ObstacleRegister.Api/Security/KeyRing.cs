using Microsoft.AspNetCore.DataProtection;

namespace ObstacleRegister.Api.Security;

/// <summary>
/// The Data Protection key ring that seals secrets at rest (webhook signing secrets). It lives outside the database,
/// in <c>DataProtection:KeyRingPath</c> (default <c>data/keys</c> under the service's folder), so a database backup alone
/// cannot sign. Several instances must share one folder (or they cannot open each other's secrets); back it up apart
/// from the database. On Linux the key files are not encrypted by the framework: keep the folder readable by the
/// service's account only, or protect the ring with a certificate.
/// </summary>
internal static class KeyRing
{
    public const string ApplicationName = "ObstacleRegister";

    public static void AddKeyRing(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["DataProtection:KeyRingPath"];
        var folder = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, string.IsNullOrWhiteSpace(configured) ? "data/keys" : configured));
        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(folder));
    }
}
