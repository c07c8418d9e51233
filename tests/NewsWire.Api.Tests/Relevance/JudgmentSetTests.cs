namespace NewsWire.Api.Tests.Relevance;

public sealed class JudgmentSetTests
{
    [Fact]
    public void TheSetHoldsAtLeastThirtyTopicsOnceEachInTwoEqualHalves()
    {
        Judgments.All.Should().HaveCountGreaterThanOrEqualTo(30);
        Judgments.All.Select(j => j.Topic).Should().OnlyHaveUniqueItems();
        Judgments.All.Count(j => j.Half == Judgments.Tune).Should().Be(Judgments.All.Count(j => j.Half == Judgments.HeldOut));
        Judgments.All.Should().OnlyContain(j => !string.IsNullOrWhiteSpace(j.Query));
        Judgments.Cutoff.Should().Be(10);
    }
}
