using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Paging;

namespace ObstacleRegister.Tests.Domain;

public sealed class VersionsAndCursorTests
{
    private sealed record Key(DateTimeOffset At, Guid Id);

    [TestCase(null)]
    [TestCase("*")]
    [TestCase("\"3\"")]
    [TestCase("\"2\", \"3\"")]
    public void EnsureMatches_AcceptsAbsentWildcardOrCurrentTag(string? ifMatch)
    {
        Assert.DoesNotThrow(() => Versions.EnsureMatches(ifMatch, 3));
    }

    [TestCase("\"2\"")]
    [TestCase("W/\"3\"")]
    public void EnsureMatches_RejectsStaleOrWeakTagWith412(string ifMatch)
    {
        Assert.Throws<PreconditionFailedException>(() => Versions.EnsureMatches(ifMatch, 3));
    }

    [Test]
    public void EnsureMatches_RejectsUnquotedTagAs400()
    {
        var error = Assert.Throws<RequestValidationException>(() => Versions.EnsureMatches("3", 3));

        Assert.That(error!.Errors.Keys, Is.EqualTo(new[] { "If-Match" }));
    }

    [Test]
    public void Cursor_RoundTrips()
    {
        var key = new Key(new DateTimeOffset(2026, 3, 2, 1, 2, 3, TimeSpan.Zero), Guid.NewGuid());

        Assert.That(Cursor.Decode<Key>(Cursor.Encode(key)), Is.EqualTo(key));
    }

    [TestCase("%%%")]
    [TestCase("bm90IGpzb24")]
    public void Cursor_FromElsewhere_Is400OnCursor(string cursor)
    {
        var error = Assert.Throws<RequestValidationException>(() => Cursor.Decode<Key>(cursor));

        Assert.That(error!.Errors.Keys, Is.EqualTo(new[] { "cursor" }));
    }

    [TestCase(0)]
    [TestCase(201)]
    [TestCase(-5)]
    public void Limit_OutOfRange_Is400OnLimit(int limit)
    {
        var error = Assert.Throws<RequestValidationException>(() => Cursor.Limit(limit));

        Assert.That(error!.Errors.Keys, Is.EqualTo(new[] { "limit" }));
    }

    [Test]
    public void Limit_DefaultsTo50()
    {
        Assert.That(Cursor.Limit(null), Is.EqualTo(50));
    }
}
