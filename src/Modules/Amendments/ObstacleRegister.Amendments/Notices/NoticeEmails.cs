using System.Globalization;
using MediatR;
using Microsoft.Extensions.Options;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.Notifications.Contracts;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Amendments.Notices;

/// <summary>
/// Queues the email of a decided notice, in its transaction: to the drafting unit's contact address and the responsible
/// official's for reminders, to the configured coordinators' (and their leadership's) addresses for escalations.
/// </summary>
internal sealed class NoticeEmails(IMediator mediator, AmendmentClock clock, IOptions<NoticeOptions> options)
{
    public async Task Queue(Guid noticeId, AmendmentRow row, NoticeTier notice, CancellationToken ct)
    {
        var unit = await mediator.Send(new GetUnit(row.DraftingUnitId), ct);
        var regulation = await mediator.Send(new GetRegulation(row.RegulationId), ct);
        var values = Values(row, unit, regulation);
        values["kind"] = NoticeRules.EmailKind(notice.Tier);
        await mediator.Send(new QueueEmail(EmailTemplates.AmendmentNotice, noticeId, Recipients(notice.Audience, unit, row), values), ct);
    }

    /// <summary>What the texts about one amendment say: shared by the notice and the weekly digest.</summary>
    public Dictionary<string, string> Values(AmendmentRow row, UnitSummary? unit, RegulationSummary? regulation)
    {
        var values = new Dictionary<string, string>
        {
            ["title"] = row.Title,
            ["regulation"] = regulation?.Symbol ?? "",
            ["draftingUnit"] = unit?.Name ?? "",
            ["official"] = string.IsNullOrWhiteSpace(row.OfficialPosition) ? row.OfficialName : $"{row.OfficialName}, {row.OfficialPosition}",
            ["dueOn"] = Iso(row.DueOn),
            ["daysLeft"] = Number(Math.Max(0, row.DueOn.DayNumber - clock.Today.DayNumber)),
            ["daysOverdue"] = Number(clock.DaysOverdue(row)),
            ["daysSinceCheckIn"] = Number(clock.DaysSinceProgress(row)),
            ["lastCheckIn"] = Iso(clock.DateOf(row.LastProgressAt)),
        };
        if (options.Value.PublicBaseUrl is { } site)
        {
            values["link"] = new Uri(site, $"api/v1/amendments/{row.Id}").ToString();
        }

        return values;
    }

    private IReadOnlyCollection<string> Recipients(string audience, UnitSummary? unit, AmendmentRow row) =>
        [.. audience.Split(',').SelectMany(who => who switch
        {
            NoticeRules.ToDraftingUnitOnly => unit?.ContactEmail is { } unitEmail ? [unitEmail] : [],
            "responsible_official" => row.OfficialEmail is { } officialEmail ? [officialEmail] : [],
            NoticeRules.ToCoordinators => NoticeOptions.Addresses(options.Value.CoordinatorsEmail),
            NoticeRules.ToCoordinatorsLeadership => NoticeOptions.Addresses(options.Value.LeadershipEmail),
            _ => (IEnumerable<string>)[],
        })];

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
