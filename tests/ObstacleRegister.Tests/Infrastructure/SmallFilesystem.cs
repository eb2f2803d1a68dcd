namespace ObstacleRegister.Tests.Infrastructure;

/// <summary>
/// A filesystem of a few megabytes of its own (tmpfs), so a test can fill the disk under a database for real and give
/// the space back. Needs the right to mount (root here); <see cref="TryMount"/> says null where there is none.
/// </summary>
internal sealed class SmallFilesystem : IDisposable
{
    private SmallFilesystem(string folder) => Folder = folder;

    public string Folder { get; }

    private string Filler => Path.Combine(Folder, "filler");

    public static SmallFilesystem? TryMount(string folder, int megabytes)
    {
        Directory.CreateDirectory(folder);
        return MachineCommand.Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder) ? new SmallFilesystem(folder) : null;
    }

    /// <summary>Takes every free byte, as a log or a backup left on the same disk would.</summary>
    public void Fill()
    {
        // Unbuffered: the write that finds no room fails here, not in a flush on dispose.
        using var stream = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
            // No space left on the device: what the test wanted.
        }
    }

    /// <summary>Gives the space back.</summary>
    public void Free() => File.Delete(Filler);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Lazily: a connection the host still holds would make a plain unmount fail; the space goes when it closes.
        MachineCommand.Run("umount", "-l", Folder);
    }
}
