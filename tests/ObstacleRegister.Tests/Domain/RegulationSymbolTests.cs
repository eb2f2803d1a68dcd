using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Regulations.Symbols;

namespace ObstacleRegister.Tests.Domain;

public sealed class RegulationSymbolTests
{
    [TestCase("13/2023/NĐ-CP")]
    [TestCase("01/2024/TT-BTTTT")]
    [TestCase("24/2018/QH14")]
    [TestCase("03/NQ-CP")]
    [TestCase("57-NQ/TW")]
    [TestCase("286/KH-BTTTT")]
    [TestCase("12/2024/QĐ-UBND")]
    [TestCase("05/2023/NQ-HĐND")]
    [TestCase("01/2024/TTLT-BTC-BTTTT")]
    [TestCase("13/2023/nd-cp")]
    public void Problem_AcceptsTheUsualForms(string symbol)
    {
        Assert.That(RegulationSymbol.Problem(symbol), Is.Null);
    }

    [TestCase("")]
    [TestCase("decree thirteen")]
    [TestCase("13/2023")]
    [TestCase("/2023/NĐ-CP")]
    [TestCase("13/23/NĐ-CP")]
    [TestCase("13/1800/NĐ-CP")]
    [TestCase("13/2023/NĐ-CP; DROP TABLE regulation")]
    [TestCase("13/2023/NĐ-CP/extra/parts/that/go/on/and/on/and/on")]
    public void Problem_RejectsGarbage(string symbol)
    {
        Assert.That(RegulationSymbol.Problem(symbol), Is.Not.Null);
    }

    [TestCase("13/2023/NĐ-CP", RegulationType.Decree)]
    [TestCase("13/2023/nd-cp", RegulationType.Decree)]
    [TestCase("01/2024/TT-BTTTT", RegulationType.Circular)]
    [TestCase("01/2024/TTLT-BTC-BTTTT", RegulationType.JointCircular)]
    [TestCase("03/NQ-CP", RegulationType.GovernmentResolution)]
    [TestCase("05/2023/NQ-HĐND", RegulationType.ProvincialResolution)]
    [TestCase("12/2024/QĐ-UBND", RegulationType.ProvincialDecision)]
    [TestCase("28/2018/QĐ-TTg", RegulationType.PrimeMinisterDecision)]
    [TestCase("03/2022/PL-UBTVQH15", RegulationType.Ordinance)]
    public void TypeNamed_ReadsTheTypeFromTheSymbolsCode(string symbol, RegulationType type)
    {
        Assert.That(RegulationSymbol.TypeNamed(symbol), Is.EqualTo(type));
    }

    [TestCase("24/2018/QH14")]
    [TestCase("57-NQ/TW")]
    [TestCase("286/KH-BTTTT")]
    [TestCase("15/2020/NĐ-UBND")]
    public void TypeNamed_IsNothing_WhenTheSymbolDoesNotSay(string symbol)
    {
        Assert.That(RegulationSymbol.TypeNamed(symbol), Is.Null);
    }

    [Test]
    public void Key_IsTheSameWithAndWithoutDiacriticsAndCase()
    {
        Assert.That(
            new[] { "13/2023/NĐ-CP", "13/2023/ND-CP", "13/2023/nđ-cp", " 13/2023/ NĐ-CP " }.Select(RegulationSymbol.Key).Distinct(),
            Has.Exactly(1).Items);
    }

    [Test]
    public void Key_DiffersForDifferentDocuments()
    {
        Assert.That(RegulationSymbol.Key("13/2023/NĐ-CP"), Is.Not.EqualTo(RegulationSymbol.Key("13/2024/NĐ-CP")));
    }

    [TestCase("13/2023/NĐ-CP", 2023)]
    [TestCase("03/NQ-CP", null)]
    [TestCase("57-NQ/TW", null)]
    public void Year_IsReadFromTheSymbol(string symbol, int? year)
    {
        Assert.That(RegulationSymbol.Year(symbol), Is.EqualTo(year));
    }
}
