using MediatR;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.Notifications.Contracts;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Amendments.Notices;

/// <summary>
/// Queues the email of a decided notice, in its transaction: to the drafting unit's contact address and the responsible
/// official's for reminders, to the configured coordinators' (and their leadership's) addresses for escalations.
/// </summary>
internal sealed class NoticeEmails(IMediator mediator, AmendmentClock clock)
{
    public async Task Queue(Guid noticeId, AmendmentRow row, NoticeTier notice, CancellationToken ct)
    {
        var unit = await mediator.Send(new GetUnit(row.DraftingUnitId), ct);
        var regulation = await mediator.Send(new GetRegulation(row.RegulationId), ct);
        var message = new AmendmentNoticeMessage(NoticeRules.EmailKind(notice.Tier), Facts(row, unit, regulation));
        var audience = notice.Audience.Split(',');
        await mediator.Send(new QueueEmail(message, noticeId, Recipients(audience, unit, row), Escalation(audience)), ct);
    }

    /// <summary>What the texts about one amendment say: shared by the notice and the weekly digest.</summary>
    public AmendmentFacts Facts(AmendmentRow row, UnitSummary? unit, RegulationSummary? regulation) => new(
        row.Title, regulation?.Symbol ?? "", unit?.Name ?? "",
        string.IsNullOrWhiteSpace(row.OfficialPosition) ? row.OfficialName : $"{row.OfficialName}, {row.OfficialPosition}",
        row.DueOn, Math.Max(0, row.DueOn.DayNumber - clock.Today.DayNumber), clock.DaysOverdue(row), clock.DaysSinceProgress(row),
        clock.DateOf(row.LastProgressAt), $"api/v1/amendments/{row.Id}");

    private static IReadOnlyCollection<string> Recipients(string[] audience, UnitSummary? unit, AmendmentRow row) =>
        [.. audience.SelectMany(who => who switch
        {
            NoticeRules.ToDraftingUnitOnly => unit?.ContactEmail is { } unitEmail ? [unitEmail] : [],
            "responsible_official" => row.OfficialEmail is { } officialEmail ? [officialEmail] : [],
            _ => (IEnumerable<string>)[],
        })];

    private static IReadOnlyCollection<EmailAudience> Escalation(string[] audience) =>
        [.. audience.SelectMany(who => who switch
        {
            NoticeRules.ToCoordinators => [EmailAudience.Coordinators],
            NoticeRules.ToCoordinatorsLeadership => [EmailAudience.Leadership],
            _ => (IEnumerable<EmailAudience>)[],
        })];
}
