using MediatR;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Components;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Amendments.List;
using ObstacleRegister.Pages;

namespace ObstacleRegister.Amendments.Desk;

/// <summary>Amendments on a desk, soonest due first, with today's date to tell due-soon from later.</summary>
/// <param name="DueSoonDays">The first due-soon reminder's distance: work due within it is marked.</param>
/// <param name="Official">The responsible official's own, rather than the drafting unit's.</param>
/// <param name="UnitId">The drafting unit whose work it is, when it is one unit's.</param>
internal sealed record AmendmentsDesk(IReadOnlyList<AmendmentListItem> Amendments, DateOnly Today, int DueSoonDays, bool Official, Guid? UnitId = null)
{
    public bool DueSoon(AmendmentListItem amendment) => !amendment.Overdue && amendment.DueOn.DayNumber - Today.DayNumber <= DueSoonDays;
}

/// <summary>The open amendments whose responsible official is reached at this address, soonest due first.</summary>
internal sealed record GetOfficialsAmendments(string Email, int Limit) : IQuery<IReadOnlyList<AmendmentListItem>>;

internal sealed class GetOfficialsAmendmentsHandler(IDbSession db, AmendmentClock clock) : IRequestHandler<GetOfficialsAmendments, IReadOnlyList<AmendmentListItem>>
{
    private const string Query = $"""
        SELECT {AmendmentQueries.Columns} FROM amendment
        WHERE is_open = 1 AND official_email_key = @Email
        ORDER BY due_on, id
        """;

    public async Task<IReadOnlyList<AmendmentListItem>> Handle(GetOfficialsAmendments request, CancellationToken cancellationToken) =>
        [.. (await db.QueryAsync<AmendmentRow>(db.Dialect.Limit(Query), new { Email = OfficialEmails.Key(request.Email), request.Limit }, cancellationToken))
            .Select(r => r.ToListItem(clock))];
}

/// <summary>The drafting unit's open work by due date: overdue, due soon and stale marked.</summary>
internal sealed class DrafterDeskSection(IMediator mediator, AmendmentClock clock, IOptions<Notices.NoticeOptions> notices) : IDeskSection
{
    public int Order => 30;

    public async Task<RenderFragment?> Render(SignedInPerson person, StaffView view, CancellationToken ct)
    {
        if (!person.IsIn(Roles.Drafter))
        {
            return null;
        }

        var open = await mediator.Send(new ListAmendments(null, person.UnitId, null, null, null, null, null, 50, null, Open: true), ct);
        return DeskFragments.Of<Pages.AmendmentsSection>(new AmendmentsDesk(open.Items, clock.Today, notices.Value.DueSoon.Max(), Official: false, person.UnitId));
    }
}

/// <summary>The work a person answers for as responsible official, whatever their roles: their escalations name them.</summary>
internal sealed class OfficialDeskSection(IMediator mediator, AmendmentClock clock, IOptions<Notices.NoticeOptions> notices) : IDeskSection
{
    public int Order => 40;

    public async Task<RenderFragment?> Render(SignedInPerson person, StaffView view, CancellationToken ct)
    {
        var own = await mediator.Send(new GetOfficialsAmendments(person.Email, 50), ct);
        return own.Count == 0 ? null : DeskFragments.Of<Pages.AmendmentsSection>(new AmendmentsDesk(own, clock.Today, notices.Value.DueSoon.Max(), Official: true));
    }
}
