using System.Globalization;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Tests.Domain;

/// <summary>
/// The text index under concurrent first lookups: a service's first requests arrive together, and a lookup that waits
/// while another indexes a module's texts must find them when it gets its turn (the first page of a fresh service once
/// answered 500 "no text" here).
/// </summary>
public sealed class TextIndexTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Test]
    public void ALookupThatWaitedForAnothersSearch_FindsTheTextThatSearchIndexed()
    {
        var reports = typeof(ObstacleRegister.Reports.ReportsModule).Assembly;
        using var searching = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var searches = 0;
        var index = new TextIndex(() =>
        {
            if (Interlocked.Increment(ref searches) == 1)
            {
                searching.Set();
                release.Wait(TimeSpan.FromSeconds(30));
            }

            return [reports];
        }, typeof(Texts));
        string? firstFound = null;
        string? secondFound = null;

        var first = new Thread(() => firstFound = index.Find("Site.Page.progress", English));
        first.Start();
        Assert.That(searching.Wait(TimeSpan.FromSeconds(30)), Is.True, "the first lookup is searching");
        var second = new Thread(() => secondFound = index.Find("Site.Page.progress", English));
        second.Start();
        // The second lookup waits for the first's search to end: wait (bounded) until it is blocked there.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((second.ThreadState & ThreadState.WaitSleepJoin) == 0 && DateTime.UtcNow < deadline)
        {
            Thread.Yield();
        }

        release.Set();
        Assert.Multiple(() =>
        {
            Assert.That(first.Join(TimeSpan.FromSeconds(30)) && second.Join(TimeSpan.FromSeconds(30)), Is.True);
            Assert.That(firstFound, Is.EqualTo("Progress"));
            Assert.That(secondFound, Is.EqualTo("Progress"), "the lookup that waited finds what the other indexed");
            Assert.That(index.Find("No.Such.Text", English), Is.Null);
        });
    }
}
