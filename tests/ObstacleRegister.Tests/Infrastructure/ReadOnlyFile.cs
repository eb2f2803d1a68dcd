using System.Diagnostics;

namespace ObstacleRegister.Tests.Infrastructure;

/// <summary>
/// A file nobody may open for writing, as after a wrong restore or a permission change: its write permissions taken
/// away, and for root (whom permissions do not stop) the immutable attribute set. Given back when disposed.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class ReadOnlyFile : IDisposable
{
    private readonly string path;
    private readonly UnixFileMode mode;
    private readonly bool immutable;

    private ReadOnlyFile(string path, UnixFileMode mode, bool immutable)
    {
        this.path = path;
        this.mode = mode;
        this.immutable = immutable;
    }

    /// <summary>The file made read-only, or null when this machine gives no way to (the caller says the test did not run).</summary>
    public static ReadOnlyFile? Make(string path)
    {
        var mode = File.GetUnixFileMode(path);
        File.SetUnixFileMode(path, mode & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        if (!CanWrite(path))
        {
            return new ReadOnlyFile(path, mode, immutable: false);
        }

        if (MachineCommand.Run("chattr", "+i", path) && !CanWrite(path))
        {
            return new ReadOnlyFile(path, mode, immutable: true);
        }

        File.SetUnixFileMode(path, mode);
        return null;
    }

    public void Dispose()
    {
        if (immutable)
        {
            MachineCommand.Run("chattr", "-i", path);
        }

        File.SetUnixFileMode(path, mode);
    }

    private static bool CanWrite(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            return true;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }
}

/// <summary>The machine's own commands (mount, chattr) that a test uses to break its storage.</summary>
internal static class MachineCommand
{
    /// <summary>Runs a command of the machine; false when it is missing or fails.</summary>
    public static bool Run(string file, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
