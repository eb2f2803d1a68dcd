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

    /// <summary>A clock's notice: the answer's due day, or the day a question was asked (and, once it lapses, the days it waited).</summary>
    public static HistoryReason OfClock(Clocks.ObstacleClockRules.ClockNotice notice) => notice.Tier switch
    {
        Contracts.ObstacleEvents.AnswerDue or Contracts.ObstacleEvents.AnswerOverdue => new(notice.Tier, [CodedText.Day(notice.DueOn)]),
        _ => new(notice.Tier, [CodedText.Day(notice.Since), notice.Days.ToString(CultureInfo.InvariantCulture)]),
    };

    public static HistoryReason MergedInto(string reference, string masterReference) => new("merged_into", [reference, masterReference]);

    /// <summary>A field the reporting unit corrected, with its value before and after.</summary>
    public static HistoryReason FieldCorrected(string field, string? before, string? after) => new(FieldCorrectedCode, [field, before ?? "—", after ?? "—"]);

    public const string FieldCorrectedCode = "field_corrected";

    /// <summary>
    /// Fields only the reporting unit and coordinators read: a correction of one shows them its values, and everyone
    /// else only that the field changed.
    /// </summary>
    public static readonly IReadOnlySet<string> PrivateFields = new HashSet<string>(StringComparer.Ordinal) { "contact" };

    /// <summary>What a reader without the full view may see of a stored reason: a private field's correction without its values.</summary>
    public static string RenderFor(string code, string? argsJson, bool fullView)
    {
        if (!fullView && code == FieldCorrectedCode && argsJson is not null
            && System.Text.Json.JsonSerializer.Deserialize<string[]>(argsJson) is [var field, ..] && PrivateFields.Contains(field))
        {
            return new HistoryReason("private_field_corrected", [field]).Render();
        }

        return Render(code, argsJson);
    }

    private const string Texts = "History.";

    public string ArgsJson => new CodedText(Code, Args).ArgsJson;

    public string Render() => new CodedText(Code, Args).Render(Texts);

    public static string Render(string code, string? argsJson) => CodedText.Render(Texts, code, argsJson);
}
