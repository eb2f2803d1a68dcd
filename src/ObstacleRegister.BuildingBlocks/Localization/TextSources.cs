using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Resources;

namespace ObstacleRegister.BuildingBlocks.Localization;

/// <summary>
/// Where each text lives: the shared mechanisms' texts here, each module's beside its code (<c>Texts.resx</c> and
/// <c>Texts.vi.resx</c> at the root of the module's project). A key is looked up in the one resource that holds it;
/// a module loaded after the first lookup is found when one of its keys is first asked for.
/// </summary>
internal static class TextSources
{
    private const string ResourceSuffix = ".Texts.resources";

    private static readonly ConcurrentDictionary<string, ResourceManager> ByKey = new(StringComparer.Ordinal);
    private static readonly HashSet<string> Searched = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    static TextSources() => Add(new ResourceManager(typeof(Texts).FullName!, typeof(Texts).Assembly));

    public static string? Find(string key, CultureInfo culture)
    {
        if (!ByKey.TryGetValue(key, out var manager) && (!SearchLoadedAssemblies() || !ByKey.TryGetValue(key, out manager)))
        {
            return null;
        }

        return manager.GetString(key, culture);
    }

    /// <summary>Indexes the texts of register assemblies not seen yet; true when any were found.</summary>
    private static bool SearchLoadedAssemblies()
    {
        lock (Gate)
        {
            var found = false;
            foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
            {
                var name = assembly.GetName().Name ?? "";
                if (assembly.IsDynamic || !name.StartsWith("ObstacleRegister.", StringComparison.Ordinal) || !Searched.Add(name))
                {
                    continue;
                }

                if (assembly.GetManifestResourceNames().Contains(name + ResourceSuffix, StringComparer.Ordinal))
                {
                    Add(new ResourceManager(name + ".Texts", assembly));
                    found = true;
                }
            }

            return found;
        }
    }

    private static void Add(ResourceManager manager)
    {
        var neutral = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            ?? throw new MissingManifestResourceException($"No neutral texts in {manager.BaseName}.");
        foreach (DictionaryEntry entry in neutral)
        {
            if (!ByKey.TryAdd((string)entry.Key, manager))
            {
                throw new InvalidOperationException($"The text '{entry.Key}' is defined in {manager.BaseName} and in {ByKey[(string)entry.Key].BaseName}.");
            }
        }
    }
}
