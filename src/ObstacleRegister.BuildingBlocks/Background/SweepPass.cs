using ObstacleRegister.BuildingBlocks.Errors;

namespace ObstacleRegister.BuildingBlocks.Background;

/// <summary>
/// One pass of a sweep over keyset pages of candidates: those that call for a decision (checked in memory first, so
/// work already decided costs no write transaction) are decided one by one, each in its own transaction; one that
/// another instance decided first (412 inside) is skipped, since that instance's decision is the one that counts.
/// </summary>
public static class SweepPass
{
    /// <param name="pageAfter">The page after the given candidate (the first page after null), in keyset order.</param>
    /// <returns>How many decisions were made.</returns>
    public static async Task<int> Run<TItem>(
        Func<TItem?, Task<IReadOnlyList<TItem>>> pageAfter, int pageSize, Func<TItem, bool> callsForDecision, Func<TItem, Task<int>> decide,
        CancellationToken ct)
        where TItem : class
    {
        var (decided, last) = (0, default(TItem));
        while (!ct.IsCancellationRequested)
        {
            var page = await pageAfter(last);
            foreach (var item in page.Where(callsForDecision))
            {
                try
                {
                    decided += await decide(item);
                }
                catch (PreconditionFailedException)
                {
                    // Another instance decided it first.
                }
            }

            if (page.Count < pageSize)
            {
                break;
            }

            last = page[^1];
        }

        return decided;
    }
}
