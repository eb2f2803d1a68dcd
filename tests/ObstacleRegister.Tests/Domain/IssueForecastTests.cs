using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.Forecasts;

namespace ObstacleRegister.Tests.Domain;

/// <summary>The forecast on hand-made histories whose answer is known.</summary>
public sealed class IssueForecastTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static readonly string[] Path = ["planned", "drafting", "consultation", "appraisal", "submitted", "issued"];

    [Test]
    public void StagesThatAlwaysTookTheSameTime_GiveOneDate_LessTheDaysAlreadySpent()
    {
        // Every past amendment: planned 5 days, drafting 10, consultation 20, appraisal 15, submitted 30 until issued.
        var pace = StagePace.From(Enumerable.Range(0, 12).SelectMany(_ => History("amend", 5, 10, 20, 15, 30)));
        var forecaster = new IssueForecaster(pace, Today);

        var forecast = forecaster.Forecast("amend", AmendmentStatus.Drafting, shortened: false, stageReachedOn: Today.AddDays(-4), dueOn: Today.AddDays(60));

        Assert.Multiple(() =>
        {
            Assert.That(forecast.P50IssuedOn, Is.EqualTo(Today.AddDays(6 + 20 + 15 + 30)));
            Assert.That(forecast.P85IssuedOn, Is.EqualTo(Today.AddDays(71)));
            Assert.That(forecast.OnTimeProbability, Is.EqualTo(0));
            Assert.That(forecast.Basis, Is.EqualTo(12 * 4), "drafting, consultation, appraisal and submitted, twelve times each");
            Assert.That(forecast.AtRisk, Is.True, "not late yet, but certain to be");
        });
    }

    [Test]
    public void AStageThatTookTenDaysSevenTimesInTen_AndFortyTheOtherThree_GivesThosePercentiles()
    {
        var past = Enumerable.Range(0, 10).SelectMany(i => History("amend", 1, 1, 1, 1, i < 7 ? 10 : 40));
        var forecaster = new IssueForecaster(StagePace.From(past), Today);

        var forecast = forecaster.Forecast("amend", AmendmentStatus.Submitted, shortened: false, stageReachedOn: Today, dueOn: Today.AddDays(20));
        var comfortable = forecaster.Forecast("amend", AmendmentStatus.Submitted, shortened: false, stageReachedOn: Today, dueOn: Today.AddDays(45));

        Assert.Multiple(() =>
        {
            Assert.That(forecast.P50IssuedOn, Is.EqualTo(Today.AddDays(10)));
            Assert.That(forecast.P85IssuedOn, Is.EqualTo(Today.AddDays(40)));
            Assert.That(forecast.OnTimeProbability, Is.EqualTo(0.7).Within(0.04), $"{IssueForecaster.Samples} draws of a 70 % chance");
            Assert.That(forecast.AtRisk, Is.True);
            Assert.That(comfortable.OnTimeProbability, Is.EqualTo(1));
            Assert.That(comfortable.AtRisk, Is.False);
        });
    }

    [Test]
    public void TheDaysAlreadySpent_LeaveOnlyThePastDurationsAtLeastAsLong()
    {
        var past = Enumerable.Range(0, 10).SelectMany(i => History("amend", 1, 1, 1, 1, i < 7 ? 10 : 40));
        var forecaster = new IssueForecaster(StagePace.From(past), Today);

        var pastTheShortOnes = forecaster.Forecast("amend", AmendmentStatus.Submitted, false, Today.AddDays(-15), Today.AddDays(60));
        var pastEveryOne = forecaster.Forecast("amend", AmendmentStatus.Submitted, false, Today.AddDays(-50), Today.AddDays(60));

        Assert.Multiple(() =>
        {
            Assert.That(pastTheShortOnes.P50IssuedOn, Is.EqualTo(Today.AddDays(25)), "only the 40-day stages last past 15 days: 25 left");
            Assert.That(pastTheShortOnes.P85IssuedOn, Is.EqualTo(Today.AddDays(25)));
            Assert.That(pastEveryOne.P85IssuedOn, Is.EqualTo(Today.AddDays(40)), "longer than any seen: drawn as if it had just begun");
        });
    }

    [Test]
    public void AKindWithFewPastStages_UsesEveryKinds_AndTooFewOverallGivesNoDates()
    {
        var past = Enumerable.Range(0, 3).SelectMany(_ => History("replace", 1, 1, 1, 1, 50))
            .Concat(Enumerable.Range(0, 5).SelectMany(_ => History("amend", 1, 1, 1, 1, 10))).ToList();
        var forecaster = new IssueForecaster(StagePace.From(past), Today);
        var enough = new IssueForecaster(StagePace.From(past.Concat(Enumerable.Range(0, 5).SelectMany(_ => History("amend", 1, 1, 1, 1, 10)))), Today);

        var thin = forecaster.Forecast("replace", AmendmentStatus.Submitted, false, Today, Today.AddDays(30));
        var fallback = enough.Forecast("replace", AmendmentStatus.Submitted, false, Today, Today.AddDays(30));

        Assert.Multiple(() =>
        {
            Assert.That(thin.HasDates, Is.False, $"eight past stages of every kind, fewer than {StagePace.MinObservations}");
            Assert.That(thin.Basis, Is.EqualTo(8), "what there is, so a reader sees how far from a forecast the register is");
            Assert.That(thin.AtRisk, Is.False);
            Assert.That(fallback.HasDates, Is.True);
            Assert.That(fallback.Basis, Is.EqualTo(13), "three of its own kind are too few: every kind's thirteen");
        });
    }

    [Test]
    public void TheSameHistory_GivesTheSameForecast_AndAShortenedProcedureSkipsTwoStages()
    {
        var past = Enumerable.Range(0, 20).SelectMany(i => History("amend", 1 + i % 3, 5 + i % 7, 10 + i % 11, 3 + i % 5, 20 + i % 13)).ToList();
        var first = new IssueForecaster(StagePace.From(past), Today).Forecast("amend", AmendmentStatus.Drafting, false, Today, Today.AddDays(50));
        var again = new IssueForecaster(StagePace.From(past), Today).Forecast("amend", AmendmentStatus.Drafting, false, Today, Today.AddDays(50));

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(IssueForecaster.StagesLeft(AmendmentStatus.Drafting, shortened: true), Is.EqualTo(new[] { AmendmentStatus.Drafting, AmendmentStatus.Submitted }));
            Assert.That(IssueForecaster.StagesLeft(AmendmentStatus.Issued, shortened: false), Is.Empty);
        });
    }

    /// <summary>One past amendment that reached each stage after the given days in the one before.</summary>
    private static IEnumerable<ReachedStage> History(string kind, params int[] days)
    {
        var id = Guid.NewGuid();
        var on = Today.AddDays(-400);
        for (var i = 0; i < Path.Length; i++)
        {
            yield return new ReachedStage { AmendmentId = id, Kind = kind, Stage = Path[i], ReachedOn = on };
            if (i < days.Length)
            {
                on = on.AddDays(days[i]);
            }
        }
    }
}
