using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Sources;

namespace QuoteExtraction.Tests.Sources;

/// <summary>Source attribution with the shipped models, on passages written for these tests.</summary>
public class SourceAttributionTests
{
    private static IReadOnlyList<Quotation> Speech(string text) =>
        QuoteExtractor.Default.ExtractQuotes(text).Quotes.Where(q => q.Kind != QuotationKind.Other).ToList();

    [Test]
    public void ExtractQuotes_OpEdForAPaper_GivesOpEdAndOutlet()
    {
        var q = Speech("In an op-ed for the Daily Mail, the minister wrote: \"Our borders must be secure.\"").Single();

        q.Source.Medium.Should().Be("op-ed");
        q.Source.Outlet.Should().Be("Daily Mail");
        q.Source.OutletEvidence!.Text.Should().Be("Daily Mail");
        q.Source.MediumEvidence!.Text.Should().Be("op-ed");
    }

    [Test]
    public void ExtractQuotes_ToldABroadcaster_GivesInterview()
    {
        var q = Speech("\"We will not back down,\" Senator Jane Porter told CNN on Sunday.").Single();

        q.Source.Medium.Should().Be("interview");
        q.Source.Outlet.Should().Be("CNN");
        q.Source.ReportedBy.Should().BeNull();
    }

    [Test]
    public void ExtractQuotes_TheProgrammeOfAChannel_IsTheOutlet()
    {
        var q = Speech("\"It was a great night,\" the governor told MSNBC's Morning Joe.").Single();

        q.Source.Outlet.Should().Be("Morning Joe");
    }

    [TestCase("\"We are reviewing the decision,\" the company said in a statement.", "statement")]
    [TestCase("\"The results speak for themselves,\" she tweeted on Monday.", "social-media")]
    [TestCase("\"We will have more to say tomorrow,\" the mayor told reporters outside City Hall.", "press-conference")]
    [TestCase("\"Nobody was in charge,\" the former adviser told MPs on the committee.", "testimony")]
    public void ExtractQuotes_VenueWords_GiveTheMedium(string text, string medium)
    {
        Speech(text).Single().Source.Medium.Should().Be(medium);
    }

    [Test]
    public void ExtractQuotes_PlainSaid_InventsNoMedium()
    {
        var q = Speech("\"The road will reopen next week,\" the council leader said.").Single();

        q.Source.Should().BeEquivalentTo(QuoteSource.Unknown);
    }

    [Test]
    public void ExtractQuotes_RelayingOutlet_IsReportedByNotOutlet()
    {
        var q = Speech("At the rally, he said, \"We will win this state,\" reports the Express.").Single();

        q.Source.ReportedBy.Should().Be("Express");
        q.Source.Outlet.Should().BeNull();
        q.Source.ReportedByEvidence!.Text.Should().Be("Express");
    }

    [Test]
    public void ExtractQuotes_EventNamedEarlier_TheSummitRefersBack()
    {
        const string text = "Leaders gathered at the Northern Energy Security summit in Oslo.\n\nAt the summit, Jane Porter said: \"We need a common grid.\"";

        var q = Speech(text).Single();

        q.Source.Medium.Should().Be("speech");
        q.Source.Event.Should().Be("Northern Energy Security summit in Oslo");
    }

    [Test]
    public void ExtractQuotes_ContinuationInNextParagraph_InheritsTheVenue()
    {
        const string text = "Writing in the Telegraph, Tom Okafor said: \"The tax is unfair.\"\n\nHe added: \"It hits the poorest hardest.\"";

        var quotes = Speech(text);

        quotes.Should().HaveCount(2);
        quotes[1].Source.Medium.Should().Be("op-ed");
        quotes[1].Source.Outlet.Should().Be("Telegraph");
        quotes[1].Source.Inherited.Should().BeTrue();
    }

    [Test]
    public void ExtractQuotes_NewSpeaker_EndsTheInheritance()
    {
        const string text = "Writing in the Telegraph, Tom Okafor said: \"The tax is unfair.\"\n\nMaria Lindqvist said: \"It is the fairest tax we have.\"";

        var quotes = Speech(text);

        quotes[1].Source.Medium.Should().BeNull();
        quotes[1].Source.Outlet.Should().BeNull();
    }

    [Test]
    public void ExtractQuotes_Result_ListsOutletAndEventEntities()
    {
        var result = QuoteExtractor.Default.ExtractQuotes("\"We will win,\" Jane Porter told Sky News at the Labour conference in Liverpool.");

        result.Entities.Should().Contain(e => e.Kind == "outlet" && e.Name == "Sky News");
        result.Entities.Should().Contain(e => e.Kind == "event" && e.Name.Contains("Labour conference"));
        result.Entities.Should().Contain(e => e.Kind == "person" && e.Name == "Jane Porter");
    }

    [Test]
    public void ExtractQuotes_SourcesOff_LeavesUnknown()
    {
        var extractor = QuoteExtractor.Create(new QuoteExtractorOptions { AttributeSources = false });

        extractor.ExtractQuotes("\"We will win,\" she told CNN.").Quotes.Single().Source.Should().Be(QuoteSource.Unknown);
    }
}

public class MediumModelTests
{
    [Test]
    public void Train_SeparableRows_PredictsEachClass()
    {
        // Each class k has feature k set (and a noise feature): the exported weights must reproduce every class.
        var random = new Random(2);
        var rows = new List<float[]>();
        var labels = new List<int>();
        for (int i = 0; i < 600; i++)
        {
            int k = i % MediumModel.ClassCount;
            var row = new float[SourceAttributor.FeatureCount];
            row[k] = 1;
            row[^1] = random.Next(2);
            rows.Add(row);
            labels.Add(k);
        }

        var model = MediumModel.Train(rows, labels, seed: 3, corpus: "synthetic");

        for (int k = 0; k < MediumModel.ClassCount; k++)
        {
            var row = new float[SourceAttributor.FeatureCount];
            row[k] = 1;
            model.Predict(row).Should().Be(k == 0 ? null : Media.All[k - 1]);
        }
    }

    [Test]
    public void SaveLoad_RoundTrip_SamePredictions()
    {
        var model = MediumModel.Default!;
        using var ms = new MemoryStream();
        model.Save(ms);
        ms.Position = 0;

        var loaded = MediumModel.Load(ms);

        loaded.Manifest.Should().BeEquivalentTo(model.Manifest);
        var row = new float[SourceAttributor.FeatureCount];
        row[MediumModel.FeatureNames.ToList().IndexOf("near:statement")] = 1;
        loaded.Predict(row).Should().Be(model.Predict(row));
    }

    [Test]
    public void Load_WrongModelKind_Throws()
    {
        using var ms = new MemoryStream();
        QuoteExtraction.Attribution.AttributionModel.Default!.Save(ms);
        ms.Position = 0;

        var act = () => MediumModel.Load(ms);

        act.Should().Throw<QuoteExtraction.Attribution.ModelFormatException>();
    }

    [Test]
    public void FeatureNames_MatchTheRowWidth()
    {
        MediumModel.FeatureNames.Should().HaveCount(SourceAttributor.FeatureCount).And.OnlyHaveUniqueItems();
    }
}

/// <summary>Cases a QA pass found, written as our own sentences.</summary>
public class SourceAttributionRegressionTests
{
    [Test]
    public void ExtractQuotes_WroteOnPlatformAccordingToPaper_SpeakerWroteAndPaperRelays()
    {
        var q = QuoteExtractor.Default.ExtractQuotes("Tom Okafor wrote on X that \"the crisis is out of control\", according to The Times.").Quotes.Single();

        q.Speaker!.Name.Should().Be("Tom Okafor");
        q.Cue!.Text.Should().Be("wrote");
        q.Source.Medium.Should().Be("social-media");
        q.Source.Outlet.Should().Be("X");
        q.Source.ReportedBy.Should().Be("Times");
    }

    [Test]
    public void ExtractQuotes_CapitalisedNameLikeAVerb_IsNotACue()
    {
        var q = QuoteExtractor.Default.ExtractQuotes("\"We regret the delays,\" Acme Rail said in a statement on Friday.").Quotes.Single();

        q.Cue!.Text.Should().Be("said");
        q.Speaker!.Mention!.Text.Should().Be("Acme Rail");
        q.Source.Medium.Should().Be("statement");
    }

    [Test]
    public void ExtractQuotes_VenueBeforeALongSpeakerPhrase_StillGovernsIt()
    {
        var q = QuoteExtractor.Default.ExtractQuotes("Writing in the Guardian, the Labour MP Jane Porter said: \"We will not accept this.\"").Quotes.Single();

        q.Source.Medium.Should().Be("op-ed");
        q.Source.Outlet.Should().Be("Guardian");
    }
}
