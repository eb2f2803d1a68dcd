using ObstacleRegister.BuildingBlocks.Text;

namespace ObstacleRegister.Tests.Domain;

public sealed class CsvCellTests
{
    [TestCase("Bộ Tư pháp", "Bộ Tư pháp")]
    [TestCase("=1+1", "'=1+1")]
    [TestCase("+84 24 3943", "'+84 24 3943")]
    [TestCase("-2", "'-2")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("\uFF1D1+1", "'\uFF1D1+1")]
    [TestCase("\u200B=1+1", "'\u200B=1+1")]
    [TestCase("  =HYPERLINK(\"x\")", "\"'  =HYPERLINK(\"\"x\"\")\"")]
    [TestCase("x;=1+1", "\"x;=1+1\"")]
    [TestCase("x,=1+1", "\"x,=1+1\"")]
    [TestCase("line\nbreak", "\"line\nbreak\"")]
    [TestCase("", "")]
    [TestCase(null, "")]
    public void Escape_KeepsEveryCellText(string? value, string expected) =>
        Assert.That(CsvCell.Escape(value), Is.EqualTo(expected));
}
