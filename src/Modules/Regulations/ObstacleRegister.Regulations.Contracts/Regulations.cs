using MediatR;

namespace ObstacleRegister.Regulations.Contracts;

/// <summary>Kinds of legal document, highest first (Law on Promulgation of Legal Documents).</summary>
public enum RegulationType
{
    Constitution,
    Law,
    Ordinance,
    NationalAssemblyResolution,
    Decree,
    GovernmentResolution,
    PrimeMinisterDecision,
    Circular,
    JointCircular,
    ProvincialResolution,
    ProvincialDecision,
    Other,
}

/// <summary>Whether a document is in force, and if not, why.</summary>
public enum RegulationStatus
{
    NotYetInForce,
    InForce,
    Amended,
    Replaced,
    Repealed,
    Expired,
}

/// <summary>
/// The regulation's own view (<c>GET /api/v1/regulations/{id}</c> and every write that answers it) by the name the
/// modules above fill its slots with: <c>amendments</c> (Amendments) and <c>obstacleCount</c> (Obstacles).
/// </summary>
public static class RegulationViews
{
    public const string Detail = "regulation";
}

/// <summary>A regulation as other modules see it.</summary>
/// <param name="Issuer">The body that issued it (cơ quan ban hành).</param>
public sealed record RegulationSummary(
    Guid Id, string Symbol, RegulationType Type, string Title, RegulationStatus Status, Guid? GuidesId, DateOnly IssuedOn, DateOnly? EffectiveOn,
    string Issuer = "");

/// <summary>Asks for one regulation; null when there is none with that id.</summary>
public sealed record GetRegulation(Guid Id) : IRequest<RegulationSummary?>;

/// <summary>Asks for several regulations at once (one query, not one per id); unknown ids are left out.</summary>
public sealed record GetRegulations(IReadOnlyCollection<Guid> Ids) : IRequest<IReadOnlyList<RegulationSummary>>;

/// <summary>
/// Finds a regulation by its symbol, typed with or without diacritics and in any case
/// (<c>13/2023/ND-CP</c> finds <c>13/2023/NĐ-CP</c>); null when none matches.
/// </summary>
public sealed record FindRegulationBySymbol(string Symbol) : IRequest<RegulationSummary?>;

/// <summary>
/// Finds several regulations by symbol at once, each typed either way; the answer is keyed by the symbol as it
/// was asked for, and a symbol no regulation has is left out.
/// </summary>
public sealed record FindRegulationsBySymbols(IReadOnlyCollection<string> Symbols) : IRequest<IReadOnlyDictionary<string, RegulationSummary>>;

/// <summary>What an issued document does to an earlier one.</summary>
public enum RegulationChange
{
    Amends,
    Supplements,
    Replaces,
    Repeals,
    Guides,
    Interprets,
    TemporarilyAdjusts,
}

/// <summary>
/// Registers the document an amendment issued, related to its target by <paramref name="Change"/>. Type and
/// issuer default to the target's, the title to <paramref name="DefaultTitle"/>. A malformed or taken symbol
/// is a 400 or 409 on <c>documentSymbol</c>.
/// </summary>
public sealed record RegisterIssuedDocument(
    Guid TargetId, RegulationChange Change, string DocumentSymbol, string? Title, string DefaultTitle, RegulationType? Type,
    string? Issuer, DateOnly IssuedOn, DateOnly EffectiveOn) : IRequest<RegulationSummary>;

/// <summary>An issued document as an amendment records it.</summary>
public sealed record IssuedDocumentSummary(Guid Id, string Symbol, DateOnly IssuedOn, DateOnly? EffectiveOn, RegulationStatus Status);

/// <summary>
/// Records that an already registered document makes <paramref name="Change"/> to the target: one amending decree
/// often amends several documents, each through its own amendment. An unknown id, or the target itself, is a 400
/// on <c>regulationId</c>.
/// </summary>
public sealed record LinkIssuedDocument(Guid TargetId, RegulationChange Change, Guid RegulationId) : IRequest<IssuedDocumentSummary>;

/// <summary>
/// A review of this regulation is being closed naming the amendment it opened. Published inside the review's
/// transaction before anything is written: the module that owns amendments refuses, as a 400 on <c>amendmentId</c>,
/// one that neither targets this regulation nor issued it, and nothing is recorded.
/// </summary>
public sealed record ReviewNamesAmendment(Guid RegulationId, Guid AmendmentId) : INotification;

/// <summary>
/// An amendment's issued document has taken effect: it is in force, and its target is amended, replaced or repealed
/// as the recorded change says; the documents guiding the target are flagged for review. Sent inside the amendment's
/// transaction, so it happens with the amendment or not at all.
/// </summary>
/// <param name="TargetId">The regulation the amendment targets.</param>
/// <param name="IssuedRegulationId">The document it issued, registered here when it was issued.</param>
/// <param name="AmendmentId">The amendment, named in the reviews it sets off.</param>
public sealed record ApplyIssuedDocumentInForce(Guid TargetId, Guid IssuedRegulationId, Guid AmendmentId) : IRequest<Unit>;
