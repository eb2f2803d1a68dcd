using System.Globalization;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Obstacles.History;

/// <summary>
/// What the register itself says in an obstacle's history, kept as a code and its parameters (never a sentence) and
/// rendered in the reader's language when read (<c>History.&lt;code&gt;</c> in the shared resources).
/// </summary>
internal sealed record HistoryReason(string Code, IReadOnlyList<string> Args)
{
    public static HistoryReason TakenOn(string amendmentTitle) => new("taken_on", [amendmentTitle]);

    public static HistoryReason Released(string amendmentTitle, string cancellationReason) => new("amendment_cancelled", [amendmentTitle, cancellationReason]);

    public static HistoryReason DocumentInForce(string documentSymbol, DateOnly effectiveOn, string amendmentTitle) =>
        new("document_in_force", [documentSymbol, CodedText.Day(effectiveOn), amendmentTitle]);

    /// <summary>A duplicate resolved with its master: the master's reference, then what resolved the master.</summary>
    public static HistoryReason FollowingMaster(string masterReference, HistoryReason resolved) =>
        new("master_resolved", [masterReference, .. resolved.Args]);

    public static HistoryReason MergedInto(string reference, string masterReference) => new("merged_into", [reference, masterReference]);

    private const string Texts = "History.";

    public string ArgsJson => new CodedText(Code, Args).ArgsJson;

    public string Render() => new CodedText(Code, Args).Render(Texts);

    public static string Render(string code, string? argsJson) => CodedText.Render(Texts, code, argsJson);
}
