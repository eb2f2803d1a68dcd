using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.Get;
using ObstacleRegister.Amendments.History;
using ObstacleRegister.Amendments.Stages;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Amendments.Issue;

/// <summary>The signed document: a new one by its symbol, or one already registered by its id (one amending decree often changes several documents).</summary>
/// <param name="DocumentSymbol">Its symbol (số, ký hiệu), e.g. <c>05/2026/TT-BTTTT</c>; registered as a new regulation, so it must be unique.</param>
/// <param name="RegulationId">Instead of <paramref name="DocumentSymbol"/>: the document, already registered, that this amendment's change is part of.</param>
/// <param name="IssuedOn">Date of signing: not in the future, and in the year the symbol names. With regulationId, defaults to the document's.</param>
/// <param name="EffectiveOn">Date it takes effect, on or after <paramref name="IssuedOn"/>. Today or past: in force at once. With regulationId, defaults to the document's.</param>
/// <param name="Title">Its title; the amendment's title when absent.</param>
/// <param name="Type">Its type; the target's type when absent.</param>
/// <param name="Issuer">The issuing body; the target's issuer when absent.</param>
internal sealed record IssueAmendmentBody(
    [property: MaxLength(IssueAmendmentRules.MaxSymbol)] string? DocumentSymbol, DateOnly? IssuedOn, DateOnly? EffectiveOn, [property: MaxLength(IssueAmendmentRules.MaxTitle)] string? Title,
    RegulationType? Type, [property: MaxLength(IssueAmendmentRules.MaxIssuer)] string? Issuer, Guid? RegulationId = null);

/// <summary>The issued document as the rules accepted it: a new one to register, or one already registered.</summary>
internal abstract record IssuedDocumentChoice;

/// <summary>A new document, registered as a regulation at issuance.</summary>
internal sealed record NewIssuedDocument(string Symbol, DateOnly IssuedOn, DateOnly EffectiveOn, string? Title, RegulationType? Type, string? Issuer)
    : IssuedDocumentChoice;

/// <summary>A document already registered (one amending decree often changes several documents); its dates unless given.</summary>
internal sealed record RegisteredIssuedDocument(Guid RegulationId, DateOnly? IssuedOn, DateOnly? EffectiveOn) : IssuedDocumentChoice;

/// <summary>Records issuance: registers the document in Regulations and, when it is already effective, puts the amendment in force.</summary>
internal sealed record IssueAmendment(Guid Id, string? IfMatch, IssuedDocumentChoice Document) : IRequest<VersionedAmendment>;

internal static class IssueAmendmentRules
{
    public const int MaxSymbol = 50;
    public const int MaxTitle = 1000;
    public const int MaxIssuer = 200;

    public static IssuedDocumentChoice Check(IssueAmendmentBody? body) => RequestBodies.Check(body, Validate);

    private static IssuedDocumentChoice? Validate(IssueAmendmentBody body, ValidationErrors errors)
    {
        if (body.RegulationId is not null)
        {
            if (body.DocumentSymbol is not null)
            {
                errors.Add("documentSymbol", Say.Text("Validation.SymbolOrRegulation"));
            }
        }
        else
        {
            errors.Text("documentSymbol", body.DocumentSymbol, MaxSymbol);
            errors.Required("issuedOn", body.IssuedOn);
            errors.Required("effectiveOn", body.EffectiveOn);
        }

        if (body.EffectiveOn < body.IssuedOn)
        {
            errors.Add("effectiveOn", Say.Text("Validation.Before", "effectiveOn", "issuedOn"));
        }

        errors.Text("title", body.Title, MaxTitle, required: false);
        errors.Text("issuer", body.Issuer, MaxIssuer, required: false);
        errors.Defined("type", body.Type);
        return errors.Any ? null : body switch
        {
            { RegulationId: { } regulationId } => new RegisteredIssuedDocument(regulationId, body.IssuedOn, body.EffectiveOn),
            { DocumentSymbol: { } symbol, IssuedOn: { } issuedOn, EffectiveOn: { } effectiveOn } =>
                new NewIssuedDocument(symbol.Trim(), issuedOn, effectiveOn, body.Title?.Trim(), body.Type, body.Issuer?.Trim()),
            _ => null,
        };
    }
}

internal sealed class IssueAmendmentHandler(AmendmentWriter writer, AmendmentHistory history, InForceTransition inForce, IMediator mediator, ICaller caller)
    : IRequestHandler<IssueAmendment, VersionedAmendment>
{
    public async Task<VersionedAmendment> Handle(IssueAmendment request, CancellationToken cancellationToken)
    {
        var row = await writer.Load(request.Id, request.IfMatch, cancellationToken);
        if (!caller.IsInRole(Roles.Coordinator) && row.DraftingUnitId != caller.UnitId)
        {
            throw new ForbiddenException(Say.Text("Problem.Detail.IssueDrafterOnly"));
        }

        var from = row.StatusValue;
        AmendmentStages.EnsureCanMove(row, AmendmentStatus.Issued);
        var (id, symbol, issuedOn, effectiveOn) = await Document(row, request.Document, cancellationToken);
        EnsureSignedMeanwhile(row, issuedOn);
        await writer.MoveTo(row, AmendmentStatus.Issued, issuedOn, cancellationToken);
        row.DocumentSymbol = symbol;
        row.IssuedRegulationId = id;
        row.IssuedOn = issuedOn;
        row.EffectiveOn = effectiveOn;
        await writer.Save(row, cancellationToken);
        await history.Record(row, Actor.Of(caller), AmendmentEvents.Issued, from, AmendmentStatus.Issued, null, cancellationToken,
            new CodedText(AmendmentHistoryCodes.Issued, [symbol, CodedText.Day(issuedOn), CodedText.Day(effectiveOn)]));

        if (row.EffectiveOn <= writer.Today)
        {
            await inForce.Enter(row, Actor.Of(caller), cancellationToken);
        }

        return await mediator.Send(new GetAmendment(row.Id), cancellationToken);
    }

    /// <summary>The document was signed between the day the work was opened here and today (register time).</summary>
    private void EnsureSignedMeanwhile(AmendmentRow row, DateOnly issuedOn)
    {
        if (issuedOn > writer.Today)
        {
            throw RequestValidationException.For("issuedOn", Say.Text("Validation.IssuedAfterToday", writer.Today));
        }

        var openedOn = writer.DateOf(row.CreatedAt);
        if (issuedOn < openedOn)
        {
            throw RequestValidationException.For("issuedOn", Say.Text("Validation.IssuedBeforeOpened", issuedOn, openedOn));
        }
    }

    /// <summary>The issued document: registered now from the body, or an existing one linked (its dates unless the body gives them).</summary>
    private async Task<(Guid Id, string Symbol, DateOnly IssuedOn, DateOnly EffectiveOn)> Document(
        AmendmentRow row, IssuedDocumentChoice document, CancellationToken ct)
    {
        switch (document)
        {
            case RegisteredIssuedDocument registered:
                var linked = await mediator.Send(new LinkIssuedDocument(row.RegulationId, ChangeOf(row.KindValue), registered.RegulationId), ct);
                var effectiveOn = registered.EffectiveOn ?? linked.EffectiveOn
                    ?? throw RequestValidationException.For("effectiveOn", Say.Text("Validation.NoEffectiveDate", linked.Symbol));
                return (linked.Id, linked.Symbol, registered.IssuedOn ?? linked.IssuedOn, effectiveOn);
            case NewIssuedDocument created:
                var issued = await mediator.Send(new RegisterIssuedDocument(
                    row.RegulationId, ChangeOf(row.KindValue), created.Symbol, created.Title, row.Title, created.Type, created.Issuer,
                    created.IssuedOn, created.EffectiveOn), ct);
                return (issued.Id, issued.Symbol, created.IssuedOn, created.EffectiveOn);
            default:
                throw new ArgumentOutOfRangeException(nameof(document), document, null);
        }
    }

    private static RegulationChange ChangeOf(AmendmentKind kind) => kind switch
    {
        AmendmentKind.Amend => RegulationChange.Amends,
        AmendmentKind.Supplement => RegulationChange.Supplements,
        AmendmentKind.Replace => RegulationChange.Replaces,
        AmendmentKind.Repeal => RegulationChange.Repeals,
        AmendmentKind.NewGuidance => RegulationChange.Guides,
        AmendmentKind.Interpretation => RegulationChange.Interprets,
        AmendmentKind.TemporaryAdjustment => RegulationChange.TemporarilyAdjusts,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
