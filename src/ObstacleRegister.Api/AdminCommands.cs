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

    public const string SignInLink = "sign-in-link";

    /// <summary>Whether the arguments name a command, which then runs instead of the service.</summary>
    public static bool Names(string[] args) => args.Contains(ResetAdminKey, StringComparer.Ordinal) || args.Contains(SignInLink, StringComparer.Ordinal);

    public static async Task<int> Run(WebApplication app, string[] args)
    {
        await MigrationRegistration.MigrateAsync(app.Services, CancellationToken.None);
        return args.Contains(SignInLink, StringComparer.Ordinal) ? await PrintSignInLink(app, args) : await ResetAdminKeys(app);
    }

    /// <summary>Revokes every admin key and prints a new one: the way back when every admin key is lost.</summary>
    private static async Task<int> ResetAdminKeys(WebApplication app)
    {
        var (key, revoked) = await AccessModule.ResetAdminKeysAsync(app.Services, CancellationToken.None);
        // The console, not the log: keys never enter log sinks.
        Console.WriteLine($"{revoked} admin key(s) revoked. The new admin API key is shown this once; keep it safe:");
        Console.WriteLine($"    {key}");
        Console.WriteLine("Running instances stop accepting the old keys within Access__KeyCacheLifetime.");
        return 0;
    }

    /// <summary>Prints a one-time sign-in link for a person by address: the way in when email is not set up, or was lost.</summary>
    private static async Task<int> PrintSignInLink(WebApplication app, string[] args)
    {
        var at = Array.IndexOf(args, SignInLink);
        if (at + 1 >= args.Length)
        {
            Console.Error.WriteLine($"Usage: {SignInLink} ADDRESS");
            return 2;
        }

        var path = await AccessModule.MakeSignInLinkAsync(app.Services, args[at + 1], CancellationToken.None);
        if (path is null)
        {
            Console.Error.WriteLine($"Nobody in the register has the address {args[at + 1]}.");
            return 1;
        }

        Console.WriteLine("A sign-in link, good once and for the links' lifetime (Authentication__Links__Lifetime), under the register's address:");
        Console.WriteLine($"    /{path}");
        return 0;
    }
}
