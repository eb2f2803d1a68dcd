using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Regulations.Reviews;

/// <summary>
/// Amending a document puts every document that guides it under review: the decrees guiding a law, the circulars
/// guiding those decrees, down the guides graph. Run in the transaction of the amendment's entry into force.
/// </summary>
internal sealed class ReviewFlags(IDbSession db, IChangeLog changes, TimeProvider clock)
{
    /// <summary>Guides chains are short (law, decree, circular, joint circular); a cycle in bad data must not loop forever.</summary>
    private const int MaxDepth = 8;

    private const string GuidedBy = "SELECT id FROM regulation WHERE guides_id IN @Ids";

    private const string Insert = """
        INSERT INTO regulation_review (id, regulation_id, changed_id, issued_regulation_id, amendment_id, relation, lapses, flagged_at,
                                       reviewed_at, outcome, outcome_amendment_id, note, reviewed_by_key_id, reviewed_by_unit_id)
        VALUES (@Id, @RegulationId, @ChangedId, @IssuedRegulationId, @AmendmentId, @Relation, @Lapses, @Now, NULL, NULL, NULL, NULL, NULL, NULL)
        """;

    /// <summary>Flags what guides <paramref name="changedId"/>, directly or through others; answers how many were flagged.</summary>
    public async Task<int> FlagGuidingDocuments(Guid changedId, Guid issuedId, Guid amendmentId, RegulationChange relation, CancellationToken ct)
    {
        var lapses = relation is RegulationChange.Replaces or RegulationChange.Repeals;
        var seen = new HashSet<Guid> { changedId, issuedId };
        var level = new List<Guid> { changedId };
        var flagged = 0;
        for (var depth = 0; depth < MaxDepth && level.Count > 0; depth++)
        {
            var guiding = (await db.QueryAsync<Guid>(GuidedBy, new { Ids = db.Dialect.IdList(level) }, ct)).Where(seen.Add).ToList();
            foreach (var id in guiding)
            {
                await db.ExecuteAsync(Insert, new
                {
                    Id = Guid.CreateVersion7(), RegulationId = id, ChangedId = changedId, IssuedRegulationId = issuedId, AmendmentId = amendmentId,
                    Relation = WireNames.Of(relation), Lapses = lapses, Now = clock.GetUtcNow(),
                }, ct);
                await changes.Record(new ResourceChange(RegulationEvents.Type(RegulationEvents.ReviewNeeded), RegulationEvents.Resource, id, null), ct);
            }

            flagged += guiding.Count;
            level = guiding;
        }

        return flagged;
    }
}
