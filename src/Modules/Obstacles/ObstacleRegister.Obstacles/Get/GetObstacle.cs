using MediatR;
using ObstacleRegister.BuildingBlocks.Composition;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Obstacles.Get;

/// <summary>An obstacle as the caller may see it, with the version its ETag carries.</summary>
internal sealed record VersionedObstacle(ObstacleDto Obstacle) : IHasComposedView
{
    public IComposedView View => Obstacle;

    public long Version => Obstacle.Version;

    public void Deconstruct(out ObstacleDto obstacle, out long version)
    {
        obstacle = Obstacle;
        version = Version;
    }
}

/// <summary>One obstacle, in full for its unit and coordinators, its public fields for everyone else.</summary>
internal sealed record GetObstacle(Guid Id) : IQuery<VersionedObstacle>;

internal sealed class GetObstacleHandler(
    IDbSession db, IMediator mediator, ICaller caller, BuildingBlocks.Time.RegisterCalendar calendar, Microsoft.Extensions.Options.IOptions<ObstacleClockOptions> clock)
    : IRequestHandler<GetObstacle, VersionedObstacle>
{
    private const string Citations = """
        SELECT regulation_id, provision, article, clause, point
        FROM obstacle_regulation WHERE obstacle_id = @Id ORDER BY position
        """;

    // Ordered here, not by SQLite: a sort without an index opens a temporary file on every run, and hints are few.
    private const string Hints = """
        SELECT o.id, o.reference, o.title, o.status, o.created_at, h.reason
        FROM obstacle_likely_duplicate h JOIN obstacle o ON o.id = h.candidate_id
        WHERE h.obstacle_id = @Id
        """;

    public async Task<VersionedObstacle> Handle(GetObstacle request, CancellationToken cancellationToken)
    {
        var row = await ObstacleQueries.Get(db, request.Id, cancellationToken);
        var citations = await db.QueryAsync<CitationRow>(Citations, new { row.Id }, cancellationToken);
        var origin = row.ReopenedFromId is { } fromId ? await ObstacleQueries.Find(db, fromId, cancellationToken) : null;
        List<Guid> named = [.. citations.Select(c => c.RegulationId), .. origin?.ResolvedByRegulationId is { } document ? [document] : Array.Empty<Guid>()];
        var symbols = (await mediator.Send(new GetRegulations(named), cancellationToken)).ToDictionary(r => r.Id, r => r.Symbol);
        var master = row.DuplicateOfId is { } masterId ? await ObstacleQueries.Find(db, masterId, cancellationToken) : null;
        var full = row.IsFullyVisibleTo(caller);
        // Only an accepted obstacle can have been taken on by an amendment; the others have none to show.
        var amendment = row.StatusValue is ObstacleStatus.InAmendment or ObstacleStatus.Resolved or ObstacleStatus.Accepted
            ? ViewSlot.Open()
            : ViewSlot.Empty();

        var dto = new ObstacleDto(
            row.Id, row.Reference, full ? "full" : "public", row.UnitId, row.Title, row.Description,
            WireNames.Parse<ObstacleCategory>(row.Category), WireNames.Parse<ObstacleSeverity>(row.Severity),
            WireNames.Parse<RemedyRoute>(row.Proposal), row.Impact, row.StatusValue, row.Answer, row.DuplicateOfId,
            master is null ? null : new MasterDto(master.Id, master.Reference, master.StatusValue, master.Answer),
            amendment,
            citations.Select(c => new CitedProvisionDto(c.RegulationId, symbols.GetValueOrDefault(c.RegulationId), c.Provision, c.Article, c.Clause, c.Point)).ToList(),
            row.CreatedAt, row.UpdatedAt, row.Version)
        {
            Contact = full ? row.Contact : null,
            AnswerDueOn = row.StatusValue == ObstacleStatus.Submitted && row.AwaitingAnswerSince is { } since
                ? calendar.DateOf(since).AddDays(clock.Value.AnswerWithinDays) : null,
            LikelyDuplicates = full ? await LikelyDuplicates(row.Id, cancellationToken) : null,
            Confirmation = row is { StatusValue: ObstacleStatus.Resolved, ResolvedAt: { } resolvedAt }
                ? new ResultConfirmationDto(
                    row.Outcome is null ? ResultConfirmation.Pending : WireNames.Parse<ResultConfirmation>(row.Outcome),
                    calendar.DateOf(resolvedAt).AddDays(clock.Value.ConfirmWithinDays), row.OutcomeAt, row.ReopenedAsId)
                : null,
            ReopenedFrom = origin is null ? null : new ReopenedFromDto(
                origin.Id, origin.Reference, origin.ResolvedByRegulationId,
                origin.ResolvedByRegulationId is { } by ? symbols.GetValueOrDefault(by) : null),
        };
        return new VersionedObstacle(dto);
    }

    private async Task<IReadOnlyList<LikelyDuplicateDto>> LikelyDuplicates(Guid id, CancellationToken ct) =>
        (await db.QueryAsync<HintRow>(Hints, new { Id = id }, ct))
            .OrderBy(h => h.CreatedAt).ThenBy(h => h.Id)
            .Select(h => new LikelyDuplicateDto(h.Id, h.Reference, h.Title, WireNames.Parse<ObstacleStatus>(h.Status), h.Reason))
            .ToList();

    private sealed class CitationRow
    {
        public Guid RegulationId { get; set; }

        public string Provision { get; set; } = "";

        public int Article { get; set; }

        public int? Clause { get; set; }

        public string? Point { get; set; }
    }

    private sealed class HintRow
    {
        public Guid Id { get; set; }

        public string Reference { get; set; } = "";

        public string Title { get; set; } = "";

        public string Status { get; set; } = "";

        public DateTimeOffset CreatedAt { get; set; }

        public string Reason { get; set; } = "";
    }
}
