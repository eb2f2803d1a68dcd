using System.ComponentModel.DataAnnotations;
using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Regulations.Get;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Regulations.Reviews;

/// <summary>What a review concluded.</summary>
internal enum ReviewOutcome
{
    /// <summary>The document still fits what it guides.</summary>
    NoChangeNeeded,

    /// <summary>An amendment of this document was opened (name it in <c>amendmentId</c>).</summary>
    AmendmentOpened,

    /// <summary>A lapsing document was declared to continue.</summary>
    Continues,

    /// <summary>A lapsing document was replaced: its status becomes <c>replaced</c>.</summary>
    Replaced,

    /// <summary>A lapsing document expires with what it guided: its status becomes <c>expired</c>.</summary>
    Expired,
}

/// <summary>The outcome of the open review.</summary>
/// <param name="Outcome"><c>no_change_needed</c> or <c>amendment_opened</c>; for a document that lapses, also <c>continues</c>, <c>replaced</c> or <c>expired</c>.</param>
/// <param name="AmendmentId">With <c>amendment_opened</c>: the amendment of this document.</param>
/// <param name="Note">Why, up to 2000 characters.</param>
internal sealed record RecordReviewBody(ReviewOutcome? Outcome, Guid? AmendmentId, [property: MaxLength(ReviewVerdictRules.MaxNote)] string? Note);

/// <summary>A review's outcome as the rules accepted it.</summary>
internal sealed record ReviewVerdict(ReviewOutcome Outcome, Guid? AmendmentId, string? Note);

internal sealed record RecordReview(Guid Id, string? IfMatch, ReviewVerdict Verdict) : IRequest<VersionedRegulation>;

internal static class ReviewVerdictRules
{
    public const int MaxNote = 2000;

    public static ReviewVerdict Check(RecordReviewBody? body) => RequestBodies.Check(body, (candidate, errors) =>
    {
        errors.Required("outcome", candidate.Outcome);
        errors.Defined("outcome", candidate.Outcome);
        errors.Text("note", candidate.Note, MaxNote, required: false);
        if (candidate.Outcome == ReviewOutcome.AmendmentOpened && candidate.AmendmentId is null)
        {
            errors.Add("amendmentId", Say.Text("Validation.ReviewAmendmentRequired"));
        }
        else if (candidate.Outcome != ReviewOutcome.AmendmentOpened && candidate.AmendmentId is not null)
        {
            errors.Add("amendmentId", Say.Text("Validation.ReviewAmendmentOnlyWhenOpened"));
        }

        return !errors.Any && candidate.Outcome is { } outcome ? new ReviewVerdict(outcome, candidate.AmendmentId, candidate.Note?.Trim()) : null;
    });
}

/// <summary>
/// Closes every open review of a regulation with one outcome, in the regulation's history of reviews. A lapsing
/// document's status follows its outcome (replaced, expired).
/// </summary>
internal sealed class RecordReviewHandler(IDbSession db, IMediator mediator, ICaller caller, TimeProvider clock, IChangeLog changes)
    : IRequestHandler<RecordReview, VersionedRegulation>
{
    private const string Lapsing = "SELECT MAX(CAST(lapses AS int)) FROM regulation_review WHERE regulation_id = @Id AND reviewed_at IS NULL";

    private const string OpenCount = "SELECT COUNT(*) FROM regulation_review WHERE regulation_id = @Id AND reviewed_at IS NULL";

    private const string Close = """
        UPDATE regulation_review
        SET reviewed_at = @Now, outcome = @Outcome, outcome_amendment_id = @AmendmentId, note = @Note,
            reviewed_by_key_id = @KeyId, reviewed_by_unit_id = @UnitId
        WHERE regulation_id = @Id AND reviewed_at IS NULL
        """;

    private const string Touch = "UPDATE regulation SET status = @Status, updated_at = @Now, version = version + 1 WHERE id = @Id AND version = @Version";

    public async Task<VersionedRegulation> Handle(RecordReview request, CancellationToken cancellationToken)
    {
        var verdict = request.Verdict;
        var outcome = verdict.Outcome;
        var row = await RegulationQueries.Get(db, request.Id, cancellationToken);
        Versions.EnsureMatches(request.IfMatch, row.Version);
        if (await db.ExecuteScalarAsync<int>(OpenCount, new { row.Id }, cancellationToken) == 0)
        {
            throw new ConflictException(ProblemTypes.Conflict, "No review open", Say.Text("Problem.Detail.NoOpenReview", row.Symbol));
        }

        var lapses = await db.ExecuteScalarAsync<bool>(Lapsing, new { row.Id }, cancellationToken);
        if (!lapses && outcome is ReviewOutcome.Continues or ReviewOutcome.Replaced or ReviewOutcome.Expired)
        {
            throw RequestValidationException.For("outcome", Say.Text("Validation.ReviewLapseOutcome"));
        }

        if (verdict.AmendmentId is { } amendmentId)
        {
            await mediator.Publish(new ReviewNamesAmendment(row.Id, amendmentId), cancellationToken);
        }

        var now = clock.GetUtcNow();
        await db.ExecuteAsync(Close, new
        {
            row.Id, Now = now, Outcome = WireNames.Of(outcome), verdict.AmendmentId, verdict.Note, caller.KeyId, caller.UnitId,
        }, cancellationToken);
        var status = outcome switch
        {
            ReviewOutcome.Replaced => RegulationStatus.Replaced,
            ReviewOutcome.Expired => RegulationStatus.Expired,
            _ => row.StatusValue,
        };
        if (await db.ExecuteAsync(Touch, new { row.Id, Status = WireNames.Of(status), Now = now, row.Version }, cancellationToken) == 0)
        {
            throw new PreconditionFailedException(row.Version + 1);
        }

        await changes.Record(new ResourceChange(RegulationEvents.Type(RegulationEvents.Reviewed), RegulationEvents.Resource, row.Id, null), cancellationToken);
        if (status != row.StatusValue)
        {
            await changes.Record(new ResourceChange(RegulationEvents.Type(RegulationEvents.StatusChanged), RegulationEvents.Resource, row.Id, null), cancellationToken);
        }

        return await RegulationDetails.Load(db, mediator, await RegulationQueries.Get(db, row.Id, cancellationToken), cancellationToken);
    }
}
