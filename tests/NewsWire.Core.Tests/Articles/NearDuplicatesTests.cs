using NewsWire.Core.Articles;

namespace NewsWire.Core.Tests.Articles;

public sealed class NearDuplicatesTests
{
    private static readonly string[] Story =
    [
        "The Islamic State terrorist organization takes advantage of the situation with refugees by sending its own people to Europe, Federal Security Service first deputy director Army General Sergey Smirnov said on Friday.",
        "Talking about the refugee crisis, he noted that this is a problem because refugees are used by IS to send their own people there.",
        "People who underwent training in IS later return to their own countries or go to other regions, he continued.",
    ];

    [Fact]
    public void UnrelatedStoriesAreNotSimilar()
    {
        var a = NearDuplicates.Signature(["Thousands of refugees crossed the border into Turkey on Tuesday."]);
        var b = NearDuplicates.Signature(["The Swiss regulator fined a Zürich bank for breaking sanctions rules."]);

        NearDuplicates.Similarity(a, b).Should().BeLessThan(0.2);
        NearDuplicates.BandKeys(a).Should().NotIntersectWith(NearDuplicates.BandKeys(b));
    }

    [Fact]
    public void TheSameBodyIsFullySimilarWhateverItsSpacingAndCase()
    {
        var a = NearDuplicates.Signature(Story);
        var b = NearDuplicates.Signature([string.Join("  ", Story).ToUpperInvariant()]);

        NearDuplicates.Similarity(a, b).Should().Be(1);
    }

    [Fact]
    public void AChangedWordKeepsAStoryAboveTheThreshold()
    {
        var changed = Story.Select(p => p.Replace("Friday", "Saturday", StringComparison.Ordinal)).ToArray();

        NearDuplicates.Similarity(NearDuplicates.Signature(Story), NearDuplicates.Signature(changed))
            .Should().BeGreaterThanOrEqualTo(NearDuplicates.Threshold);
    }

    [Fact]
    public void AnAddedShortParagraphKeepsAStoryAboveTheThreshold()
    {
        var longer = Story.Append("They even come to China, Smirnov noted.").ToArray();

        NearDuplicates.Similarity(NearDuplicates.Signature(Story), NearDuplicates.Signature(longer))
            .Should().BeGreaterThanOrEqualTo(NearDuplicates.Threshold);
    }

    [Fact]
    public void ABodyOfOneOrTwoWordsStillHasASignature()
    {
        NearDuplicates.Signature(["Flash"]).Should().HaveCount(NearDuplicates.SignatureLength * 4);
        NearDuplicates.Similarity(NearDuplicates.Signature(["Flash"]), NearDuplicates.Signature(["Urgent"])).Should().BeLessThan(0.2);
    }
}
