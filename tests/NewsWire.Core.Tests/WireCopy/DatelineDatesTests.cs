using NewsWire.Core.WireCopy;

namespace NewsWire.Core.Tests.WireCopy;

public sealed class DatelineDatesTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 15, 30, 0, DateTimeKind.Utc);

    private static Dateline On(int month, int day, int? year = null) => new("PLACE, date /TASS/.", "Place", month, day, year, "TASS");

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AnExplicitPublicationDateWinsAndLosesItsTimeOfDay() =>
        DatelineDates.Resolve(On(9, 18), new DateTime(2015, 9, 18, 22, 45, 0, DateTimeKind.Utc), Now).Should().Be(Utc(2015, 9, 18));

    [Fact]
    public void AnExplicitPublicationDateWinsOverTheDatelineYear() =>
        DatelineDates.Resolve(On(9, 18, 2015), Utc(2016, 1, 2), Now).Should().Be(Utc(2016, 1, 2));

    [Fact]
    public void AnExplicitPublicationDateOfUnspecifiedKindIsTakenAsUtc()
    {
        var resolved = DatelineDates.Resolve(On(9, 18), new DateTime(2015, 9, 18, 23, 59, 0, DateTimeKind.Unspecified), Now);

        resolved.Should().Be(Utc(2015, 9, 18));
        resolved.Kind.Should().Be(DateTimeKind.Utc);
    }

    [Fact]
    public void ALocalPublicationDateIsConvertedToUtcFirst()
    {
        var local = new DateTime(2015, 9, 18, 12, 0, 0, DateTimeKind.Local);

        var expected = DateTime.SpecifyKind(local.ToUniversalTime().Date, DateTimeKind.Utc);

        DatelineDates.Resolve(On(9, 18), local, Now).Should().Be(expected);
    }

    [Fact]
    public void AYearInTheDatelineGivesThatDate() =>
        DatelineDates.Resolve(On(3, 2, 2015), null, Now).Should().Be(Utc(2015, 3, 2));

    [Theory]
    [InlineData(9, 18, 2026, 9, 18)] // earlier this year
    [InlineData(11, 29, 2026, 11, 29)] // today, though the day has not ended
    [InlineData(11, 30, 2025, 11, 30)] // tomorrow: it must be last year's
    [InlineData(12, 24, 2025, 12, 24)] // later this year: last year's
    [InlineData(1, 1, 2026, 1, 1)]
    public void WithoutAYearTheLatestSuchDayNotAfterTodayIsTaken(int month, int day, int year, int expectedMonth, int expectedDay) =>
        DatelineDates.Resolve(On(month, day), null, Now).Should().Be(Utc(year, expectedMonth, expectedDay));

    [Theory]
    [InlineData(2026, 11, 29, 2024)] // the last leap day is 2024's
    [InlineData(2024, 3, 1, 2024)] // just after a leap day
    [InlineData(2024, 2, 29, 2024)] // on it
    [InlineData(2024, 2, 28, 2020)] // just before it: the previous one
    [InlineData(2104, 1, 1, 2096)] // 2100 is no leap year: eight years back
    public void FebruaryTwentyNinthGoesBackToTheLatestLeapYear(int nowYear, int nowMonth, int nowDay, int expectedYear) =>
        DatelineDates.Resolve(On(2, 29), null, Utc(nowYear, nowMonth, nowDay)).Should().Be(Utc(expectedYear, 2, 29));

    [Fact]
    public void TheResultIsUtcMidnight()
    {
        var resolved = DatelineDates.Resolve(On(9, 18), null, Now);

        resolved.Kind.Should().Be(DateTimeKind.Utc);
        resolved.TimeOfDay.Should().Be(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(2, 30, null, 2024, 2, 29)] // February 30 is clamped to the 29th, so a leap year
    [InlineData(4, 31, null, 2026, 4, 30)]
    [InlineData(13, 5, null, 2025, 12, 5)]
    [InlineData(0, 0, null, 2026, 1, 1)]
    [InlineData(2, 29, 2015, 2015, 2, 28)] // a hand-made dateline with a leap day in a common year
    [InlineData(9, 18, 0, 2026, 9, 18)] // a year no calendar has is ignored
    public void ImpossibleDatesMadeByHandAreClampedNotThrown(int month, int day, int? year, int expectedYear, int expectedMonth, int expectedDay)
    {
        var resolve = () => DatelineDates.Resolve(On(month, day, year), null, Now);

        resolve.Should().NotThrow().Which.Should().Be(Utc(expectedYear, expectedMonth, expectedDay));
    }

    [Theory]
    [InlineData(null, null)] // WASHINGTON (AP) —
    [InlineData(9, null)] // half a date made by hand says no day either
    [InlineData(null, 18)]
    public void ADatelineWithoutADateIsCopyFiledToday(int? month, int? day) =>
        DatelineDates.Resolve(new Dateline("WASHINGTON (AP) —", "Washington", month, day, null, "AP"), null, Now)
            .Should().Be(Utc(2026, 11, 29));

    [Fact]
    public void AnExplicitPublicationDateWinsOverADatelessDateline() =>
        DatelineDates.Resolve(new Dateline("WASHINGTON (AP) —", "Washington", null, null, null, "AP"), Utc(2015, 9, 18), Now)
            .Should().Be(Utc(2015, 9, 18));

    [Fact]
    public void TheParsedTassDatelineResolvesToTheLatestSeptemberEighteenth() =>
        DatelineDates.Resolve(Articles.Parse(Stories.Tass).Dateline!, null, Now).Should().Be(Utc(2026, 9, 18));
}
