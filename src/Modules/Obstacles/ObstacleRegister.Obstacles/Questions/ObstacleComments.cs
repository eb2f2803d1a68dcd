using System.ComponentModel.DataAnnotations;
using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.Triage;

namespace ObstacleRegister.Obstacles.Questions;

/// <summary>A comment on an obstacle.</summary>
/// <param name="Text">What to say, up to 4000 characters. Read by the coordinating side and the reporting unit only, never public.</param>
internal sealed record CommentBody([property: MaxLength(CommentRules.MaxText)] string? Text);

/// <summary>One entry of an obstacle's thread.</summary>
/// <param name="ObstacleId">The obstacle it is about.</param>
/// <param name="Text">What was asked or said, as written.</param>
/// <param name="Kind"><c>question</c> (a coordinator's request for information) or <c>comment</c>.</param>
/// <param name="KeyId">The API key that wrote it; absent when a person wrote it on the staff pages.</param>
/// <param name="KeyName">That key's name, as its admin gave it.</param>
/// <param name="UnitId">The unit of the key or person.</param>
/// <param name="Person">The signed-in person who wrote it; absent when an API key did.</param>
internal sealed record ObstacleComment(
    Guid Id, Guid ObstacleId, string Kind, string Text, DateTimeOffset At, Guid? KeyId, string? KeyName, Guid? UnitId, Access.Contracts.PersonRef? Person);

internal static class CommentKinds
{
    public const string Question = "question";
    public const string Comment = "comment";
}

internal static class CommentRules
{
    public const int MaxText = 4000;

    public static string Text(CommentBody? body) => RequestBodies.Check(body, (candidate, errors) =>
    {
        errors.Text("text", candidate.Text, MaxText);
        return errors.Any ? null : candidate.Text?.Trim();
    });
}

/// <summary>
/// Who may read and write an obstacle's thread: whoever sees the obstacle in full reads it (coordinators, any key of
/// the reporting unit), coordinators and its reporters write. Anyone else is refused with 403: the obstacle itself is
/// no secret, its thread is.
/// </summary>
internal static class ThreadAccess
{
    public static bool Writes(ICaller caller, ObstacleRow row) =>
        caller.IsInRole(Roles.Coordinator) || (caller.UnitId == row.UnitId && caller.IsInRole(Roles.Reporter));

    public static void EnsureReads(ICaller caller, ObstacleRow row)
    {
        if (!row.IsFullyVisibleTo(caller))
        {
            throw new ForbiddenException(Say.Text("Problem.Detail.ThreadPrivate"));
        }
    }
}

/// <summary>Writes the thread's entries, in the transaction of the request, and announces each in the change log.</summary>
internal sealed class ObstacleThread(IDbSession db, IChangeLog changes, ICaller caller, TimeProvider clock)
{
    private const string Insert = """
        INSERT INTO obstacle_comment (id, obstacle_id, at, kind, text, key_id, unit_id, person_id)
        VALUES (@Id, @ObstacleId, @At, @Kind, @Text, @KeyId, @UnitId, @PersonId)
        """;

    public async Task<Guid> Add(ObstacleRow row, string kind, string text, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, new { Id = id, ObstacleId = row.Id, At = clock.GetUtcNow(), Kind = kind, Text = text, caller.KeyId, caller.UnitId, caller.PersonId }, ct);
        if (kind == CommentKinds.Comment)
        {
            await changes.Record(new ResourceChange(ObstacleEvents.Type(ObstacleEvents.Commented), ObstacleEvents.Resource, row.Id, row.UnitId), ct);
        }

        return id;
    }
}

/// <summary>Adds a comment; the reporting unit's comment on an obstacle waiting for information answers it (back to submitted).</summary>
internal sealed record AddComment(Guid ObstacleId, string Text) : IRequest<ObstacleComment>;

internal sealed class AddCommentHandler(ObstacleTransitions transitions, ObstacleThread thread, ICaller caller, IMediator mediator)
    : IRequestHandler<AddComment, ObstacleComment>
{
    public async Task<ObstacleComment> Handle(AddComment request, CancellationToken cancellationToken)
    {
        var row = await transitions.Load(request.ObstacleId, cancellationToken);
        ThreadAccess.EnsureReads(caller, row);
        if (!ThreadAccess.Writes(caller, row))
        {
            throw new ForbiddenException(Say.Text("Problem.Detail.ThreadWriters"));
        }

        var id = await thread.Add(row, CommentKinds.Comment, request.Text, cancellationToken);
        if (row.StatusValue == ObstacleStatus.NeedsInformation && caller.UnitId == row.UnitId && !caller.IsInRole(Roles.Coordinator))
        {
            await transitions.Apply(row, null, new ObstacleChange(ObstacleStatus.Submitted, ObstacleEvents.InformationProvided, null), cancellationToken);
        }

        return await mediator.Send(new GetComment(row.Id, id), cancellationToken);
    }
}

internal sealed record ListComments(Guid ObstacleId, int Limit, string? Cursor) : IQuery<Page<ObstacleComment>>;

internal sealed record GetComment(Guid ObstacleId, Guid CommentId) : IQuery<ObstacleComment>;

internal sealed class CommentQueries(IDbSession db, ICaller caller, IMediator mediator)
    : IRequestHandler<ListComments, Page<ObstacleComment>>, IRequestHandler<GetComment, ObstacleComment>
{
    private const string Columns = "id, obstacle_id, kind, text, at, key_id, unit_id, person_id";

    private const string Page = $"SELECT {Columns} FROM obstacle_comment WHERE {ObstacleEntries.PageFilter} ORDER BY at, id";

    private const string One = $"SELECT {Columns} FROM obstacle_comment WHERE obstacle_id = @ObstacleId AND id = @Id";

    public async Task<Page<ObstacleComment>> Handle(ListComments request, CancellationToken cancellationToken)
    {
        ThreadAccess.EnsureReads(caller, await ObstacleQueries.Get(db, request.ObstacleId, cancellationToken));
        var rows = await ObstacleEntries.Page<Row>(db, Page, request.ObstacleId, request.Limit, request.Cursor, cancellationToken);
        var names = await Names(rows, cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => r.ToDto(names), r => new ObstacleEntries.EntryCursor(r.At, r.Id));
    }

    public async Task<ObstacleComment> Handle(GetComment request, CancellationToken cancellationToken)
    {
        ThreadAccess.EnsureReads(caller, await ObstacleQueries.Get(db, request.ObstacleId, cancellationToken));
        var rows = await db.QueryAsync<Row>(One, new { request.ObstacleId, Id = request.CommentId }, cancellationToken);
        var row = rows.SingleOrDefault() ?? throw new NotFoundException("comment", request.CommentId);
        return row.ToDto(await Names(rows, cancellationToken));
    }

    private Task<Access.Contracts.ActorNames> Names(IEnumerable<Row> rows, CancellationToken ct) =>
        mediator.Send(Access.Contracts.GetActorNames.Of(rows), ct);

    private sealed class Row : Access.Contracts.IRecordedActor
    {
        public Guid Id { get; set; }

        public Guid ObstacleId { get; set; }

        public string Kind { get; set; } = "";

        public string Text { get; set; } = "";

        public DateTimeOffset At { get; set; }

        public Guid? KeyId { get; set; }

        public Guid? UnitId { get; set; }

        public Guid? PersonId { get; set; }

        public ObstacleComment ToDto(Access.Contracts.ActorNames names) =>
            new(Id, ObstacleId, Kind, Text, At, KeyId, names.KeyName(KeyId), UnitId, names.Person(PersonId));
    }
}
