using MediatR;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.Reports.Backlog;

using ObstacleRegister.Reports.OpenData;

namespace ObstacleRegister.Reports.Site;

/// <summary>The guiding documents new laws and decrees still wait for, soonest due first.</summary>
internal sealed record BacklogPage(Page<BacklogItem> Items) : ISitePage
{
    public IReadOnlyList<SiteTable> Tables() =>
    [
        new("backlog", ["guides", "guides_title", "title", "drafting_unit", "responsible_official", "due_on", "stage", "days_overdue"],
            [.. Items.Items.Select(b => (IReadOnlyList<object?>)[
                Linked.To(b.Guides?.Symbol, PublicPaths.Regulation(b.Guides?.Id ?? Guid.Empty)), b.Guides?.Title, new Linked(b.Title, PublicPaths.Amendment(b.AmendmentId)), b.DraftingUnit?.Name, b.ResponsibleOfficial, b.DueOn, b.Status, b.DaysOverdue])]),
    ];
}

internal sealed record LoadBacklogPage(string? Cursor) : IQuery<BacklogPage>;

internal sealed class LoadBacklogPageHandler(IMediator mediator) : IRequestHandler<LoadBacklogPage, BacklogPage>
{
    public const int PageSize = 50;

    public async Task<BacklogPage> Handle(LoadBacklogPage request, CancellationToken cancellationToken) =>
        new(await mediator.Send(new ListGuidanceBacklog(PageSize, request.Cursor), cancellationToken));
}
