using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Obstacles.Reporting;

/// <summary>The four deadline statuses of a period's answers to reports, from <c>ix_obstacle_answer_wait_due</c>.</summary>
internal sealed class CountAnswerDeadlinesHandler(IDbSession db) : IRequestHandler<CountAnswerDeadlines, IReadOnlyList<AnswerDeadlines>>
{
    private const string Query = $"""
        SELECT unit_id AS UnitId, {DeadlineStatusSql.Columns}
        FROM (SELECT unit_id, answered_on AS done_on, due_on FROM obstacle_answer_wait
              WHERE due_on >= @FirstDay AND due_on <= @LastDay /*unit*/) due
        GROUP BY unit_id
        """;

    public async Task<IReadOnlyList<AnswerDeadlines>> Handle(CountAnswerDeadlines request, CancellationToken cancellationToken) =>
        [.. (await db.QueryAsync<DeadlineStatusRow>(QueryFilters.ForUnit(Query, "unit_id", request.UnitId), request, cancellationToken))
            .Select(r => new AnswerDeadlines(r.UnitId, r.DoneOnTime, r.DoneLate, r.OpenWithinDeadline, r.Overdue))];
}

/// <summary>The answers given in a period by each answering unit, from <c>ix_obstacle_answer_wait_answered</c>: the days each took, for the median.</summary>
internal sealed class MeasureAnswerTimesHandler(IDbSession db) : IRequestHandler<MeasureAnswerTimes, IReadOnlyList<AnswerTimes>>
{
    private const string Query = """
        SELECT answered_by_unit_id AS UnitId, answer_days AS Days, CASE WHEN answered_on <= due_on THEN 1 ELSE 0 END AS OnTime
        FROM obstacle_answer_wait
        WHERE answered_at >= @From AND answered_at < @To AND answered_by_unit_id IS NOT NULL /*unit*/
        """;

    public async Task<IReadOnlyList<AnswerTimes>> Handle(MeasureAnswerTimes request, CancellationToken cancellationToken)
    {
        var answers = await db.QueryAsync<AnswerRow>(QueryFilters.ForUnit(Query, "unit_id", request.UnitId), request, cancellationToken);
        return [.. answers.GroupBy(a => a.UnitId).Select(g => new AnswerTimes(g.Key, [.. g.Select(a => a.Days)], g.Sum(a => a.OnTime)))];
    }

    private sealed class AnswerRow
    {
        public Guid UnitId { get; set; }

        public int Days { get; set; }

        public int OnTime { get; set; }
    }
}
