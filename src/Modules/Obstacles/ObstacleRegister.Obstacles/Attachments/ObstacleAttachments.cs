using System.Security.Cryptography;
using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Obstacles.Attachments;

/// <summary>An evidence file on an obstacle.</summary>
/// <param name="ObstacleId">The obstacle it is evidence for.</param>
/// <param name="FileName">The name it was uploaded with, without any folder.</param>
/// <param name="ContentType">What its content is (read from the content, never from the name).</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">The SHA-256 of its bytes, in hexadecimal: the same as the download's ETag and Repr-Digest.</param>
/// <param name="KeyId">The API key that uploaded it; absent when a person did on the staff pages.</param>
/// <param name="UnitId">The unit of the key or person.</param>
/// <param name="Person">The signed-in person who uploaded it; absent when an API key did.</param>
internal sealed record ObstacleAttachment(
    Guid Id, Guid ObstacleId, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset At, Guid? KeyId, Guid? UnitId,
    Access.Contracts.PersonRef? Person);

/// <summary>A file as uploaded: its name and bytes, its type read from them.</summary>
internal sealed record EvidenceFile(string FileName, string ContentType, byte[] Content);

internal sealed record AddAttachment(Guid ObstacleId, EvidenceFile File) : IRequest<ObstacleAttachment>;

internal sealed record ListAttachments(Guid ObstacleId, int Limit, string? Cursor) : IQuery<Page<ObstacleAttachment>>;

internal sealed record ReadAttachment(Guid ObstacleId, Guid AttachmentId) : IQuery<AttachmentContent>;

internal sealed record AttachmentContent(ObstacleAttachment Attachment, byte[] Content);

/// <summary>
/// Who may add evidence: coordinators at any time, the reporting unit's reporters while the obstacle is not closed;
/// who may read it: whoever sees the obstacle in full.
/// </summary>
internal static class EvidenceAccess
{
    private static readonly ObstacleStatus[] Closed = [ObstacleStatus.Rejected, ObstacleStatus.Duplicate, ObstacleStatus.Withdrawn, ObstacleStatus.Resolved];

    public static void EnsureAdds(ICaller caller, ObstacleRow row)
    {
        if (caller.IsInRole(Roles.Coordinator))
        {
            return;
        }

        if (row.UnitId != caller.UnitId || !caller.IsInRole(Roles.Reporter))
        {
            throw new ForbiddenException(Say.Text("Problem.Detail.EvidenceWriters"));
        }

        if (Closed.Contains(row.StatusValue))
        {
            throw IllegalTransition.Of(Say.Text("Problem.Detail.EvidenceClosed", row.Reference, row.Status), row.Status, row.Status);
        }
    }

    public static void EnsureReads(ICaller caller, ObstacleRow row)
    {
        if (!row.IsFullyVisibleTo(caller))
        {
            throw new ForbiddenException(Say.Text("Problem.Detail.EvidenceReaders"));
        }
    }
}

internal sealed class AddAttachmentHandler(IDbSession db, ICaller caller, TimeProvider clock, IChangeLog changes, IMediator mediator)
    : IRequestHandler<AddAttachment, ObstacleAttachment>
{
    private const string Insert = """
        INSERT INTO obstacle_attachment (id, obstacle_id, at, file_name, content_type, size, sha256, content, key_id, unit_id, person_id)
        VALUES (@Id, @ObstacleId, @At, @FileName, @ContentType, @Size, @Sha256, @Content, @KeyId, @UnitId, @PersonId)
        """;

    public async Task<ObstacleAttachment> Handle(AddAttachment request, CancellationToken cancellationToken)
    {
        var row = await ObstacleQueries.Get(db, request.ObstacleId, cancellationToken);
        EvidenceAccess.EnsureAdds(caller, row);
        var file = request.File;
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, new
        {
            Id = id, ObstacleId = row.Id, At = clock.GetUtcNow(), file.FileName, file.ContentType, Size = (long)file.Content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)), file.Content, caller.KeyId, caller.UnitId, caller.PersonId,
        }, cancellationToken);
        await changes.Record(new ResourceChange(ObstacleEvents.Type(ObstacleEvents.AttachmentAdded), ObstacleEvents.Resource, row.Id, row.UnitId), cancellationToken);
        return (await mediator.Send(new ReadAttachment(row.Id, id), cancellationToken)).Attachment;
    }
}

internal sealed class AttachmentQueries(IDbSession db, ICaller caller, IMediator mediator)
    : IRequestHandler<ListAttachments, Page<ObstacleAttachment>>, IRequestHandler<ReadAttachment, AttachmentContent>
{
    private const string Columns = """
        id, obstacle_id, file_name, content_type, size, sha256, at,
        key_id, unit_id, person_id
        """;

    private const string Page = $"SELECT {Columns} FROM obstacle_attachment WHERE {ObstacleEntries.PageFilter} ORDER BY at, id";

    private const string One = $"SELECT {Columns}, content FROM obstacle_attachment WHERE obstacle_id = @ObstacleId AND id = @Id";

    public async Task<Page<ObstacleAttachment>> Handle(ListAttachments request, CancellationToken cancellationToken)
    {
        EvidenceAccess.EnsureReads(caller, await ObstacleQueries.Get(db, request.ObstacleId, cancellationToken));
        var rows = await ObstacleEntries.Page<Row>(db, Page, request.ObstacleId, request.Limit, request.Cursor, cancellationToken);
        var names = await mediator.Send(Access.Contracts.GetActorNames.Of(rows), cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => r.ToDto(names), r => new ObstacleEntries.EntryCursor(r.At, r.Id));
    }

    public async Task<AttachmentContent> Handle(ReadAttachment request, CancellationToken cancellationToken)
    {
        EvidenceAccess.EnsureReads(caller, await ObstacleQueries.Get(db, request.ObstacleId, cancellationToken));
        var row = (await db.QueryAsync<Row>(One, new { request.ObstacleId, Id = request.AttachmentId }, cancellationToken)).SingleOrDefault()
            ?? throw new NotFoundException("attachment", request.AttachmentId);
        return new AttachmentContent(row.ToDto(await mediator.Send(Access.Contracts.GetActorNames.Of([row]), cancellationToken)), row.Content);
    }

    private sealed class Row : Access.Contracts.IRecordedActor
    {
        public Guid Id { get; set; }

        public Guid ObstacleId { get; set; }

        public string FileName { get; set; } = "";

        public string ContentType { get; set; } = "";

        public long Size { get; set; }

        public string Sha256 { get; set; } = "";

        public DateTimeOffset At { get; set; }

        public Guid? KeyId { get; set; }

        public Guid? UnitId { get; set; }

        public Guid? PersonId { get; set; }

        public byte[] Content { get; set; } = [];

        public ObstacleAttachment ToDto(Access.Contracts.ActorNames names) => new(Id, ObstacleId, FileName, ContentType, Size, Sha256, At, KeyId, UnitId, names.Person(PersonId));
    }
}
