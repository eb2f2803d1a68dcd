using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Amendments.Stages;

/// <summary>
/// The legal process: planned → drafting → consultation → appraisal → submitted → issued → in_force, forward
/// only; the shortened procedure may skip consultation and appraisal; cancelled from any stage before issued.
/// </summary>
internal static class AmendmentStages
{
    public static readonly AmendmentStatus[] Process =
    [
        AmendmentStatus.Planned, AmendmentStatus.Drafting, AmendmentStatus.Consultation, AmendmentStatus.Appraisal,
        AmendmentStatus.Submitted, AmendmentStatus.Issued, AmendmentStatus.InForce,
    ];

    /// <summary>The stages a drafting unit reports in its check-ins; issuing and cancelling have endpoints of their own.</summary>
    public static readonly AmendmentStatus[] Reportable = Process[..5];

    /// <summary>Stages that may carry a planned date when an amendment is opened.</summary>
    public static readonly AmendmentStatus[] Plannable = Process[1..5];

    public static bool IsOpen(AmendmentStatus status) => Array.IndexOf(Reportable, status) >= 0;

    /// <summary>Nothing to do when <paramref name="to"/> is the current stage; 409 when the move goes back, skips a required stage, or the work is closed.</summary>
    public static void EnsureCanMove(AmendmentRow row, AmendmentStatus to)
    {
        var from = row.StatusValue;
        if (to == AmendmentStatus.Cancelled ? IsOpen(from) : CanAdvance(from, to, row.ShortenedProcedure))
        {
            return;
        }

        var problem = IllegalTransition.Of(Explain(from, to, row.ShortenedProcedure), WireNames.Of(from), WireNames.Of(to));
        if (StagesToPass(from, to, row.ShortenedProcedure) is { Length: > 0 } toPass)
        {
            problem.Extensions["stagesToPass"] = toPass.Select(WireNames.Of).ToArray();
        }

        throw problem;
    }

    /// <summary>For a skip forward from an open stage, the stages that must still be reached before <paramref name="to"/>.</summary>
    private static AmendmentStatus[] StagesToPass(AmendmentStatus from, AmendmentStatus to, bool shortened)
    {
        var (start, end) = (Array.IndexOf(Process, from), Array.IndexOf(Process, to));
        return IsOpen(from) && end > start ? [.. Process[(start + 1)..end].Where(s => !IsSkippable(s, shortened))] : [];
    }

    private static bool CanAdvance(AmendmentStatus from, AmendmentStatus to, bool shortened)
    {
        var (start, end) = (Array.IndexOf(Process, from), Array.IndexOf(Process, to));
        if (start < 0 || end < 0 || end < start || (from == to && !IsOpen(from)))
        {
            return false;
        }

        return Process[(start + 1)..Math.Max(start + 1, end)].All(skipped => IsSkippable(skipped, shortened));
    }

    private static bool IsSkippable(AmendmentStatus stage, bool shortened) =>
        shortened && stage is AmendmentStatus.Consultation or AmendmentStatus.Appraisal;

    private static string Explain(AmendmentStatus from, AmendmentStatus to, bool shortened)
    {
        if (!IsOpen(from))
        {
            return Say.Text("Problem.Detail.AmendmentCannotBecome", WireNames.Of(from), WireNames.Of(to));
        }

        if (Array.IndexOf(Process, to) < Array.IndexOf(Process, from))
        {
            return Say.Text("Problem.Detail.StagesForwardOnly", WireNames.Of(from), WireNames.Of(to));
        }

        var missing = string.Join(", ", StagesToPass(from, to, shortened).Select(WireNames.Of));
        return Say.Text(shortened ? "Problem.Detail.StagesToPass" : "Problem.Detail.StagesToPassFull", WireNames.Of(from), missing, WireNames.Of(to));
    }
}
