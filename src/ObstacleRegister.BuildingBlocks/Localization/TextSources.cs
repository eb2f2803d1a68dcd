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
    private static readonly TextIndex Index = new(() => AppDomain.CurrentDomain.GetAssemblies(), typeof(Texts));

    public static string? Find(string key, CultureInfo culture) => Index.Find(key, culture);
}

/// <summary>The texts of the register's assemblies by key, indexed as assemblies are first searched.</summary>
internal sealed class TextIndex
{
    private const string ResourceSuffix = ".Texts.resources";

    private readonly ConcurrentDictionary<string, ResourceManager> byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> searched = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly Func<IEnumerable<Assembly>> assemblies;

    /// <param name="assemblies">The assemblies loaded now.</param>
    /// <param name="shared">The resource class of the shared mechanisms' texts, indexed at once.</param>
    public TextIndex(Func<IEnumerable<Assembly>> assemblies, Type shared)
    {
        this.assemblies = assemblies;
        Add(new ResourceManager(shared.FullName!, shared.Assembly));
    }

    public string? Find(string key, CultureInfo culture)
    {
        if (!byKey.TryGetValue(key, out var manager))
        {
            // Looked up again whatever the search found: a lookup that waited for another's search (which indexed the
            // key meanwhile) finds nothing new itself, yet the key is there now.
            SearchLoadedAssemblies();
            if (!byKey.TryGetValue(key, out manager))
            {
                return null;
            }
        }

        return manager.GetString(key, culture);
    }

    /// <summary>Indexes the texts of register assemblies not seen yet.</summary>
    private void SearchLoadedAssemblies()
    {
        lock (gate)
        {
            foreach (var assembly in assemblies())
            {
                var name = assembly.GetName().Name ?? "";
                if (assembly.IsDynamic || !name.StartsWith("ObstacleRegister.", StringComparison.Ordinal) || !searched.Add(name))
                {
                    continue;
                }

                if (assembly.GetManifestResourceNames().Contains(name + ResourceSuffix, StringComparer.Ordinal))
                {
                    Add(new ResourceManager(name + ".Texts", assembly));
                }
            }
        }
    }

    private void Add(ResourceManager manager)
    {
        var neutral = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            ?? throw new MissingManifestResourceException($"No neutral texts in {manager.BaseName}.");
        foreach (DictionaryEntry entry in neutral)
        {
            if (!byKey.TryAdd((string)entry.Key, manager))
            {
                throw new InvalidOperationException($"The text '{entry.Key}' is defined in {manager.BaseName} and in {byKey[(string)entry.Key].BaseName}.");
            }
        }
    }
}
