using MediatR;
using ObstacleRegister.Notifications.Contracts;
using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Obstacles.Clocks;

/// <summary>Who hears of a clock's notice: the coordinators of their answer (and their leadership once it is late), the reporting unit of its question.</summary>
internal static class ClockEmails
{
    public static async Task Queue(IMediator mediator, Guid noticeId, ObstacleRow row, ObstacleClockRules.ClockNotice notice, CancellationToken ct)
    {
        var unit = await mediator.Send(new Access.Contracts.GetUnit(row.UnitId), ct);
        var kind = notice.Tier switch
        {
            ObstacleEvents.AnswerDue => ObstacleClockKind.AnswerDue,
            ObstacleEvents.AnswerOverdue => ObstacleClockKind.AnswerOverdue,
            ObstacleEvents.InformationReminded => ObstacleClockKind.InformationReminded,
            _ => ObstacleClockKind.InformationLapsed,
        };
        var message = new ObstacleClockMessage(
            kind, row.Reference, row.Title, unit?.Name ?? "", notice.Since, notice.DueOn, notice.Days,
            kind == ObstacleClockKind.InformationReminded ? $"api/v1/obstacles/{row.Id}/comments" : $"api/v1/obstacles/{row.Id}");
        var email = kind switch
        {
            ObstacleClockKind.InformationReminded => new QueueEmail(message, noticeId, unit?.ContactEmail is { } to ? [to] : []),
            ObstacleClockKind.AnswerOverdue => new QueueEmail(message, noticeId, [], Audiences: [EmailAudience.Coordinators, EmailAudience.Leadership]),
            _ => new QueueEmail(message, noticeId, [], Audiences: [EmailAudience.Coordinators]),
        };
        await mediator.Send(email, ct);
    }
}
