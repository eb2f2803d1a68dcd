using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Idempotency;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Obstacles.Attachments;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.Correct;
using ObstacleRegister.Obstacles.Get;
using ObstacleRegister.Obstacles.History;
using ObstacleRegister.Obstacles.Import;
using ObstacleRegister.Obstacles.List;
using ObstacleRegister.Obstacles.Questions;
using ObstacleRegister.Obstacles.Submit;
using ObstacleRegister.Obstacles.Triage;

namespace ObstacleRegister.Obstacles;

internal static class ObstacleEndpoints
{
    public static void MapObstacleEndpoints(this IEndpointRouteBuilder api)
    {
        var obstacles = api.MapGroup("/obstacles").WithTags("Obstacles");

        obstacles.MapPost("/", async (SubmitObstacleBody? body, IMediator mediator, CancellationToken ct) =>
            {
                var obstacle = NewObstacleRules.Check(body);
                var hints = await mediator.Send(new SuggestDuplicates(obstacle), ct);
                var command = new SubmitObstacle(obstacle, hints);
                return command.Describe(await mediator.Send(command, ct)).ToResult();
            })
            .AcceptsIdempotencyKey()
            .RequireAuthorization(p => p.RequireRole(Roles.Reporter))
            .WithName("SubmitObstacle")
            .WithSummary("Report an obstacle")
            .WithDescription("Reporters. The reporting unit is the API key's. Each cited regulation must exist and each provision must " +
                "name at least the article. Send an Idempotency-Key to retry safely: the same key and body return the first answer " +
                "(Idempotent-Replayed: true), another body is 422, a retry while the first is running is 409. The answer lists likely duplicates.")
            .Produces<ObstacleDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        obstacles.MapGet("/", async (
                [WireEnum<ObstacleStatus>] string? status, Guid? unitId, Guid? regulationId, [WireEnum<ObstacleCategory>] string? category, [WireEnum<ObstacleSeverity>] string? severity, string? reference,
                DateOnly? reportedFrom, DateOnly? reportedTo, string? q, int? limit, string? cursor, HttpRequest http, IMediator mediator, CancellationToken ct) =>
            {
                var list = new ListObstacles(
                    QueryValues.Enum<ObstacleStatus>(status, "status"), unitId, regulationId, QueryValues.Enum<ObstacleCategory>(category, "category"),
                    QueryValues.Enum<ObstacleSeverity>(severity, "severity"), reference, reportedFrom, reportedTo, q, Cursor.Limit(limit), cursor);
                return CsvDownload.IsWanted(http)
                    ? await CsvDownload.Stream("obstacles.csv", ObstacleListCsv.Header, ObstacleListCsv.Pages(list, mediator), ct)
                    : TypedResults.Ok(await mediator.Send(list, ct));
            })
            .ProducesCsvToo()
            .WithName("ListObstacles")
            .WithSummary("List and search obstacles")
            .WithDescription("Newest first, public fields only, paged by cursor. q matches title and description without diacritics " +
                "(chong cheo finds chồng chéo), and also a reference (VM-2026-000001), the symbol of a cited regulation typed either way " +
                "(13/2023/ND-CP) and a cited provision (dieu 5 khoan 2): 13/2023/ND-CP dieu 5 is the obstacles citing Article 5 of that " +
                "decree; a symbol no regulation has finds nothing. reportedFrom and reportedTo are days in the register's time zone, both included. " +
                "Accept: text/csv streams every obstacle the filters match (not one page; limit and cursor do not apply) as CSV, UTF-8 with BOM.")
            .Produces<BuildingBlocks.Paging.Page<ObstacleListItem>>()
            .ProducesValidationProblem();

        obstacles.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var (obstacle, version) = await mediator.Send(new GetObstacle(id), ct);
                return ApiResults.Ok(obstacle, version);
            })
            .WithName("GetObstacle")
            .WithSummary("Get one obstacle")
            .WithDescription("The reporting unit and coordinators see it in full (contact, likely duplicates); other keys see its public fields. " +
                "A duplicate shows the master it follows.")
            .Produces<ObstacleDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        obstacles.MapPatch("/{id:guid}", async (Guid id, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "If-Match")] string? ifMatch, HttpRequest http, IMediator mediator, CancellationToken ct) =>
            {
                var (obstacle, version) = await mediator.Send(new CorrectObstacle(id, ifMatch, await MergePatch.Read(http, ct)), ct);
                return ApiResults.Ok(obstacle, version);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Reporter))
            .Accepts<CorrectObstacleBody>(MergePatch.MediaType, "application/json")
            .WithName("CorrectObstacle")
            .WithSummary("Correct an obstacle")
            .WithDescription("Reporters of the unit that reported it, while it is submitted or needs information (else 409 with " +
                "currentStatus). A JSON merge patch (RFC 7396) of the report: the fields sent replace the current ones, null removes " +
                "impact or contact, regulations is replaced as a whole; the result passes the same rules as an intake. Send the ETag " +
                "as If-Match: 412 when the obstacle changed since. Each changed field is a history entry (corrected) with its value " +
                "before and after; likely duplicates are found again. A correction of an obstacle that needs information answers " +
                "it: it is submitted again. A patch that changes nothing changes nothing.")
            .Produces<ObstacleDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        obstacles.MapGet("/{id:guid}/history", async (Guid id, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetObstacleHistory(id, Cursor.Limit(limit), cursor), ct)))
            .WithName("GetObstacleHistory")
            .WithSummary("An obstacle's history")
            .WithDescription("Every change, oldest first: who (key and unit), when, from, to, why.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapTransition<TriageNoteBody>(obstacles, "accept", Roles.Coordinator, "AcceptObstacle", "Accept an obstacle",
            "Coordinators. From submitted only.", (id, ifMatch, body) => new AcceptObstacle(id, ifMatch, TriageRules.Note(body)));
        MapTransition<RejectBody>(obstacles, "reject", Roles.Coordinator, "RejectObstacle", "Reject an obstacle",
            "Coordinators. The reason is required and is the public answer. From submitted only.", (id, ifMatch, body) => new RejectObstacle(id, ifMatch, TriageRules.Reason(body)));
        MapTransition<DuplicateBody>(obstacles, "duplicate", Roles.Coordinator, "MarkObstacleDuplicate", "Mark an obstacle as a duplicate",
            "Coordinators. Its reporters then follow the master; a duplicate of a duplicate points at the master.",
            (id, ifMatch, body) => new MarkDuplicate(id, ifMatch, TriageRules.Duplicate(body)));
        MapTransition<TriageNoteBody>(obstacles, "withdraw", Roles.Reporter, "WithdrawObstacle", "Withdraw an obstacle",
            "Reporters of the unit that reported it, before it is accepted.", (id, ifMatch, body) => new WithdrawObstacle(id, ifMatch, TriageRules.Note(body)));
        MapTransition<InformationRequestBody>(obstacles, "request-information", Roles.Coordinator, "RequestObstacleInformation",
            "Ask the reporting unit for more information",
            "Coordinators. From submitted only: the obstacle is needs_information, the question is added to its thread " +
            "(obstacle.information_requested), and a comment from the reporting unit answers it (back to submitted, " +
            "obstacle.information_provided). It may also be decided as it stands.",
            (id, ifMatch, body) => new RequestInformation(id, ifMatch, InformationRequestRules.Question(body)));
        MapTransition<TriageNoteBody>(obstacles, "confirm", Roles.Reporter, "ConfirmObstacleResult", "Confirm a resolution held in practice",
            "Reporters of the unit that reported it, once it is resolved (else 409 with currentStatus), within confirmation.confirmBy " +
            "(30 days) as asked, and once: a second confirm or reopen is 409. The obstacle stays resolved; confirmation.state is " +
            "confirmed and obstacle.confirmed is published.", (id, ifMatch, body) => new Outcomes.ConfirmObstacle(id, ifMatch, TriageRules.Note(body)));
        obstacles.MapPost("/{id:guid}/reopen", async (
                Guid id, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "If-Match")] string? ifMatch, Outcomes.ReopenBody? body, IMediator mediator, CancellationToken ct) =>
            {
                var command = new Outcomes.ReopenObstacle(id, ifMatch, Outcomes.ReopenRules.Reason(body));
                return command.Describe(await mediator.Send(command, ct)).ToResult();
            })
            .AcceptsIdempotencyKey()
            .RequireAuthorization(p => p.RequireRole(Roles.Reporter))
            .WithName("ReopenObstacle")
            .WithSummary("Say a resolution did not hold: report the obstacle again")
            .WithDescription("Reporters of the unit that reported it, once it is resolved (else 409 with currentStatus), and once. The " +
                "reason (required, public) says what still happens in practice. Answers 201 with the new obstacle: the same report, " +
                "submitted for the coordinators to answer, with reopenedFrom naming the resolved one and the document that did not " +
                "remove it; the resolved one keeps its status, with confirmation.state reopened and reopenedAsId. Publishes " +
                "obstacle.reopened (on the old) and obstacle.submitted (the new). Send the old one's ETag as If-Match (412 when it " +
                "changed), and an Idempotency-Key to retry safely.")
            .Produces<ObstacleDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        MapComments(obstacles);
        MapAttachments(obstacles);
        obstacles.MapImports();
    }

    /// <summary>Evidence files: uploaded by the reporting unit or a coordinator, read by whoever sees the obstacle in full.</summary>
    private static void MapAttachments(RouteGroupBuilder obstacles)
    {
        obstacles.MapPost("/{id:guid}/attachments", async (Guid id, HttpRequest http, IMediator mediator, CancellationToken ct) =>
            {
                var attachment = await mediator.Send(new AddAttachment(id, await EvidenceUpload.Read(http, ct)), ct);
                return TypedResults.Created($"/api/v1/obstacles/{id}/attachments/{attachment.Id}", attachment);
            })
            .WithMetadata(new BodySizeLimit(EvidenceUpload.MaxRequestBytes))
            .Accepts<EvidenceUploadForm>("multipart/form-data")
            .WithName("AddObstacleAttachment")
            .WithSummary("Attach evidence to an obstacle")
            .WithDescription("Coordinators at any time; reporters of the reporting unit while the obstacle is not closed (rejected, " +
                "duplicate, withdrawn and resolved are: 409 with currentStatus); any other key 403. multipart/form-data with the file " +
                "in the field file, up to 10 MB (413 beyond): PDF, DOCX, XLSX, ODT, PNG or JPEG, told by the content, never by the " +
                "name (415 for anything else). Published as obstacle.attachment_added.")
            .Produces<ObstacleAttachment>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        obstacles.MapGet("/{id:guid}/attachments", async (Guid id, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListAttachments(id, Cursor.Limit(limit), cursor), ct)))
            .WithName("ListObstacleAttachments")
            .WithSummary("An obstacle's evidence files")
            .WithDescription("Whoever sees the obstacle in full (the reporting unit, coordinators); any other key 403. Oldest first, paged by cursor.")
            .Produces<BuildingBlocks.Paging.Page<ObstacleAttachment>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        obstacles.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, HttpResponse response, IMediator mediator, CancellationToken ct) =>
            {
                var (attachment, content) = await mediator.Send(new ReadAttachment(id, attachmentId), ct);
                // A stored file is never run by the browser: no sniffing into HTML or script, no scripts even if it were.
                response.Headers.XContentTypeOptions = "nosniff";
                response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
                response.Headers.ETag = $"\"{attachment.Sha256}\"";
                response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(attachment.Sha256))}:";
                return Results.File(content, attachment.ContentType, attachment.FileName);
            })
            .WithName("GetObstacleAttachment")
            .WithSummary("Download an evidence file")
            .WithDescription("Whoever sees the obstacle in full; any other key 403. The file as uploaded, as an attachment " +
                "(Content-Disposition) of its content's type, with ETag and Repr-Digest of its SHA-256 and X-Content-Type-Options: nosniff.")
            .Produces<Stream>(StatusCodes.Status200OK, EvidenceTypes.Pdf,
                EvidenceTypes.Docx, EvidenceTypes.Xlsx, EvidenceTypes.Odt, EvidenceTypes.Png, EvidenceTypes.Jpeg)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The thread between the coordinating side and the reporting unit: never public.</summary>
    private static void MapComments(RouteGroupBuilder obstacles)
    {
        obstacles.MapGet("/{id:guid}/comments", async (Guid id, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListComments(id, Cursor.Limit(limit), cursor), ct)))
            .WithName("ListObstacleComments")
            .WithSummary("An obstacle's thread")
            .WithDescription("Coordinators and the reporting unit; any other key is 403. The coordinator's questions and everyone's " +
                "comments, oldest first, paged by cursor.")
            .Produces<BuildingBlocks.Paging.Page<ObstacleComment>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        obstacles.MapGet("/{id:guid}/comments/{commentId:guid}", async (Guid id, Guid commentId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetComment(id, commentId), ct)))
            .WithName("GetObstacleComment")
            .WithSummary("One entry of an obstacle's thread")
            .WithDescription("Coordinators and the reporting unit; any other key is 403.")
            .Produces<ObstacleComment>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        obstacles.MapPost("/{id:guid}/comments", async (Guid id, CommentBody? body, IMediator mediator, CancellationToken ct) =>
            {
                var comment = await mediator.Send(new AddComment(id, CommentRules.Text(body)), ct);
                return TypedResults.Created($"/api/v1/obstacles/{id}/comments/{comment.Id}", comment);
            })
            .WithName("AddObstacleComment")
            .WithSummary("Comment on an obstacle")
            .WithDescription("Coordinators, and reporters of the reporting unit (its other keys read only; any other key is 403). " +
                "Published as obstacle.commented. A comment from the reporting unit on an obstacle that needs information answers " +
                "the question: the obstacle is submitted again.")
            .Produces<ObstacleComment>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>A transition: <c>POST /obstacles/{id}/{action}</c>, honouring If-Match, answering the obstacle with its new ETag.</summary>
    private static void MapTransition<TBody>(
        RouteGroupBuilder obstacles, string action, string role, string name, string summary, string description,
        Func<Guid, string?, TBody?, IRequest<VersionedObstacle>> command)
        where TBody : class =>
        obstacles.MapVersionedAction(action, [role], command, r => (r.Obstacle, r.Version))
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description + " Send the ETag as If-Match: 412 when the obstacle changed since. An illegal transition is 409 " +
                "(type illegal-transition, with currentStatus).");
}
