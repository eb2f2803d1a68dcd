using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Regulations.Ranks;

/// <summary>
/// What may change what, by rank (Law on Promulgation of Legal Documents, art. 4): a document amends, supplements,
/// replaces or repeals only a document of its own rank or below, and guides or interprets only one of its own rank or
/// above. The one exception: a Government resolution may adjust a law, a National Assembly resolution or an ordinance
/// temporarily (Resolution 206/2025/QH15). Documents of another kind (<see cref="RegulationType.Other"/>) have no rank
/// and are not checked. See ADR 0038.
/// </summary>
internal static class RegulationRanks
{
    /// <summary>The rank of a type, 1 highest; null when the type has none.</summary>
    public static int? Of(RegulationType type) => type switch
    {
        RegulationType.Constitution => 1,
        RegulationType.Law or RegulationType.NationalAssemblyResolution => 2,
        RegulationType.Ordinance => 3,
        RegulationType.Decree or RegulationType.GovernmentResolution => 4,
        RegulationType.PrimeMinisterDecision => 5,
        RegulationType.Circular or RegulationType.JointCircular => 6,
        RegulationType.ProvincialResolution => 7,
        RegulationType.ProvincialDecision => 8,
        _ => null,
    };

    /// <summary>Whether a document of type <paramref name="issued"/> may make <paramref name="change"/> to one of type <paramref name="target"/>.</summary>
    public static bool MayChange(RegulationType issued, RegulationChange change, RegulationType target)
    {
        if (Of(issued) is not { } issuedRank || Of(target) is not { } targetRank)
        {
            return true;
        }

        return change switch
        {
            RegulationChange.Guides or RegulationChange.Interprets => issuedRank >= targetRank,
            RegulationChange.TemporarilyAdjusts => issuedRank <= targetRank
                || (issued == RegulationType.GovernmentResolution && targetRank is 2 or 3),
            _ => issuedRank <= targetRank,
        };
    }

    /// <summary>400 on <paramref name="field"/>, naming both documents and their types, when the change is above the issued document's rank.</summary>
    public static void EnsureMayChange(
        string field, string issuedSymbol, RegulationType issued, RegulationChange change, string targetSymbol, RegulationType target)
    {
        if (MayChange(issued, change, target))
        {
            return;
        }

        var key = change is RegulationChange.Guides or RegulationChange.Interprets ? "Validation.RankGuides" : "Validation.RankChanges";
        throw RequestValidationException.For(field, Say.Text(key, issuedSymbol, TypeName(issued), targetSymbol, TypeName(target)));
    }

    private static string TypeName(RegulationType type) => Say.Text("Label.RegulationType." + WireNames.Of(type));
}
