using ObstacleRegister.Access;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Api;

/// <summary>
/// What the service does when run with a command instead of serving: the operator's tools that need the server
/// itself, with the service's own configuration.
/// </summary>
internal static class AdminCommands
{
    public const string ResetAdminKey = "reset-admin-key";

    /// <summary>Whether the arguments name a command, which then runs instead of the service.</summary>
    public static bool Names(string[] args) => args.Contains(ResetAdminKey, StringComparer.Ordinal);

    /// <summary>Revokes every admin key and prints a new one: the way back when every admin key is lost.</summary>
    public static async Task<int> Run(WebApplication app)
    {
        await MigrationRegistration.MigrateAsync(app.Services, CancellationToken.None);
        var (key, revoked) = await AccessModule.ResetAdminKeysAsync(app.Services, CancellationToken.None);
        // The console, not the log: keys never enter log sinks.
        Console.WriteLine($"{revoked} admin key(s) revoked. The new admin API key is shown this once; keep it safe:");
        Console.WriteLine($"    {key}");
        Console.WriteLine("Running instances stop accepting the old keys within Access__KeyCacheLifetime.");
        return 0;
    }
}
