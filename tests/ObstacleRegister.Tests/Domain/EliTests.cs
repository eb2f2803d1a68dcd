using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Reports.OpenData;

namespace ObstacleRegister.Tests.Domain;

/// <summary>ELI-style identifiers: folded from the symbol, and every symbol form read back from its identifier.</summary>
public sealed class EliTests
{
    [TestCase("05/2022/TT-BTTTT", RegulationType.Circular, 2022, "/eli/vn/circular/2022/05-tt-btttt")]
    [TestCase("15/2026/NĐ-CP", RegulationType.Decree, 2026, "/eli/vn/decree/2026/15-nd-cp")]
    [TestCase("24/2018/QH14", RegulationType.Law, 2018, "/eli/vn/law/2018/24-qh14")]
    [TestCase("01/2021/TTLT-BTC-BYT", RegulationType.JointCircular, 2021, "/eli/vn/joint-circular/2021/01-ttlt-btc-byt")]
    [TestCase("03/NQ-CP", RegulationType.GovernmentResolution, 2024, "/eli/vn/government-resolution/2024/03-nq-cp")]
    [TestCase("57-NQ/TW", RegulationType.Other, 2024, "/eli/vn/other/2024/57-nq-tw")]
    public void TheIdentifier_FoldsTheSymbol_AndReadsBackToIt(string symbol, RegulationType type, int issuedIn, string expected)
    {
        var regulation = new RegulationSummary(Guid.NewGuid(), symbol, type, "", RegulationStatus.InForce, null, new DateOnly(issuedIn, 1, 15), null);

        var path = Eli.PathOf(regulation);
        var segments = path.Split('/');
        var candidates = Eli.CandidateSymbols(int.Parse(segments[4], System.Globalization.CultureInfo.InvariantCulture), segments[5]);

        Assert.Multiple(() =>
        {
            Assert.That(path, Is.EqualTo(expected));
            Assert.That(candidates.Select(c => ObstacleRegister.BuildingBlocks.Text.VietnameseText.Fold(c)),
                Does.Contain(ObstacleRegister.BuildingBlocks.Text.VietnameseText.Fold(symbol)), "the lookup finds the document again");
        });
    }

    [Test]
    public void AProvision_IsAddressedInAkomaNtosoNaming_AndOnlyThoseAreAccepted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Eli.ProvisionPath(5, 2, "a"), Is.EqualTo("art_5/cl_2/pt_a"));
            Assert.That(Eli.ProvisionPath(5, 2, "đ"), Is.EqualTo("art_5/cl_2/pt_d"), "a point đ folds like the symbol");
            Assert.That(Eli.ProvisionPath(12, null, null), Is.EqualTo("art_12"));
            Assert.That(Eli.AnchorOf("art_5/cl_2/pt_a"), Is.EqualTo("art_5_cl_2_pt_a"));
            Assert.That(Eli.AnchorOf("art_5/pt_a"), Is.Null, "a point belongs to a clause");
            Assert.That(Eli.AnchorOf("chapter_2"), Is.Null);
            Assert.That(Eli.CandidateSymbols(2022, "05"), Is.Empty, "a number with no code names no document");
        });
    }
}
