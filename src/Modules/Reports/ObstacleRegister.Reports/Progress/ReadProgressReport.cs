using MediatR;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Reports.Contracts;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Reports.Progress;

/// <summary>A report as an API caller asks for it: coordinators read any scope, a unit reads its own (the default).</summary>
internal sealed record ReadProgressReport(ReportPeriod Period, DateOnly? On, Guid? UnitId) : IQuery<ProgressReport>;

internal sealed class ReadProgressReportHandler(IMediator mediator, ICaller caller, RegisterCalendar calendar) : IRequestHandler<ReadProgressReport, ProgressReport>
{
    public async Task<ProgressReport> Handle(ReadProgressReport request, CancellationToken cancellationToken)
    {
        var coordinator = caller.IsInRole(Roles.Coordinator);
        var unitId = request.UnitId ?? (coordinator ? null : caller.UnitId);
        if (!coordinator && unitId != caller.UnitId)
        {
            throw new ForbiddenException(Say.Text("Problem.Detail.OwnReportOnly"));
        }

        return await mediator.Send(new GetProgressReport(request.Period, request.On ?? calendar.Today, unitId), cancellationToken);
    }
}
