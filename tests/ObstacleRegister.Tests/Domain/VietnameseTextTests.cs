using System.Text;
using ObstacleRegister.BuildingBlocks.Text;

namespace ObstacleRegister.Tests.Domain;

public sealed class VietnameseTextTests
{
    [TestCase("Chồng chéo", "chong cheo")]
    [TestCase("ĐẤU THẦU", "dau thau")]
    [TestCase("đường bộ", "duong bo")]
    [TestCase("Nghị định 13/2023/NĐ-CP", "nghi dinh 13/2023/nd-cp")]
    [TestCase("Ðiều 5", "dieu 5")]
    [TestCase("plain ascii", "plain ascii")]
    public void Fold_RemovesMarksAndFoldsDStroke(string text, string expected)
    {
        Assert.That(VietnameseText.Fold(text), Is.EqualTo(expected));
    }

    [Test]
    public void Fold_TreatsDecomposedAndComposedInputAlike()
    {
        const string composed = "Luật Giao dịch điện tử";

        Assert.That(VietnameseText.Fold(composed.Normalize(NormalizationForm.FormD)), Is.EqualTo(VietnameseText.Fold(composed)));
    }

    [Test]
    public void Terms_AreDistinctFoldedWordsInOrder()
    {
        var terms = VietnameseText.Terms("Quy định chồng chéo, CHỒNG CHÉO về 13/2023/NĐ-CP");

        Assert.That(terms, Is.EqualTo(new[] { "quy", "dinh", "chong", "cheo", "ve", "13", "2023", "nd", "cp" }));
    }

    [Test]
    public void Terms_CutsOverlongWords()
    {
        var terms = VietnameseText.Terms(new string('a', 100));

        Assert.That(terms.Single(), Has.Length.EqualTo(VietnameseText.MaxTermLength));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ,;- ")]
    public void Terms_OfNothing_IsEmpty(string? text)
    {
        Assert.That(VietnameseText.Terms(text), Is.Empty);
    }

    [Test]
    public void PrefixUpperBound_BoundsEveryWordWithThePrefix()
    {
        var upper = VietnameseText.PrefixUpperBound("cheo");

        Assert.Multiple(() =>
        {
            Assert.That(string.CompareOrdinal("cheo", upper), Is.Negative);
            Assert.That(string.CompareOrdinal("cheozzzz", upper), Is.Negative);
            Assert.That(string.CompareOrdinal("chep", upper), Is.Zero.Or.Positive);
        });
    }

    [TestCase("chong c", new[] { "chong" })]
    [TestCase("chong ch", new[] { "chong", "ch" })]
    [TestCase("c", new[] { "c" })]
    public void SearchTerms_DropAOneLetterLastWordAfterOthers(string query, string[] expected)
    {
        Assert.That(VietnameseText.SearchTerms(query), Is.EqualTo(expected));
    }
}
