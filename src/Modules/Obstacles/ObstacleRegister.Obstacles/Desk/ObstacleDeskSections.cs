using MediatR;
using Microsoft.AspNetCore.Components;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.List;
using ObstacleRegister.Pages;

namespace ObstacleRegister.Obstacles.Desk;

/// <summary>The reporting unit's part of the desk: the questions waiting for its answer, then its latest reports.</summary>
internal sealed record ReporterDesk(Guid UnitId, IReadOnlyList<ObstacleListItem> Questions, IReadOnlyList<ObstacleListItem> Latest);

/// <summary>The coordinators' part of the desk: the reports waiting for an answer, oldest first.</summary>
internal sealed record TriageDesk(IReadOnlyList<QueuedReport> Reports, int Total);

internal sealed class ReporterDeskSection(IMediator mediator) : IDeskSection
{
    public const int Shown = 10;

    public int Order => 10;

    public async Task<RenderFragment?> Render(SignedInPerson person, StaffView view, CancellationToken ct)
    {
        if (!person.IsIn(Roles.Reporter))
        {
            return null;
        }

        var questions = await mediator.Send(List(ObstacleStatus.NeedsInformation, person.UnitId, 50), ct);
        var latest = await mediator.Send(List(null, person.UnitId, Shown), ct);
        return DeskFragments.Of<Pages.ReporterSection>(new ReporterDesk(person.UnitId, questions.Items, latest.Items));
    }

    private static ListObstacles List(ObstacleStatus? status, Guid unitId, int limit) =>
        new(status, unitId, null, null, null, null, null, null, null, limit, null);
}

internal sealed class TriageDeskSection(IMediator mediator) : IDeskSection
{
    public int Order => 20;

    public async Task<RenderFragment?> Render(SignedInPerson person, StaffView view, CancellationToken ct)
    {
        if (!person.IsIn(Roles.Coordinator))
        {
            return null;
        }

        var (reports, total) = await mediator.Send(new GetTriageQueue(20), ct);
        return DeskFragments.Of<Pages.TriageSection>(new TriageDesk(reports, total));
    }
}
