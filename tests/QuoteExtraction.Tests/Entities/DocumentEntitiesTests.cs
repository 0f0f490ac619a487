using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Entities;
using QuoteExtraction.Tests.Support;
using QuoteExtraction.Text;

namespace QuoteExtraction.Tests.Entities;

public class DocumentEntitiesTests
{
    private static (TextDocument Doc, DocumentEntities Entities) Analyze(string text)
    {
        var doc = TextDocument.Analyze(text);
        return (doc, DocumentEntities.Analyze(doc));
    }

    /// <summary>Resolves the <paramref name="occurrence"/>-th occurrence of <paramref name="span"/>.</summary>
    private static Entity? Resolve(string text, DocumentEntities entities, string span, int occurrence = 0)
    {
        var start = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            start = text.IndexOf(span, start + 1, StringComparison.Ordinal);
            start.Should().BeGreaterThanOrEqualTo(0, $"'{span}' #{i} is in the text");
        }

        return entities.Resolve(start, start + span.Length);
    }

    // A long document with many people: one-word names then go through the name index, and ties through the sweep of
    // latest mentions; the answers must be those of a short document.
    [TestCase(4)]
    [TestCase(80)]
    public void Resolve_SurnameAmongManyPeople_GivesTheNamesakeMentionedLast(int people)
    {
        string[] firsts = ["John", "Mary", "Peter", "Susan", "David", "Helen", "James", "Laura"];
        string[] heads = ["Ash", "Brook", "Carr", "Dun", "Eld", "Fair", "Glen", "Hart", "Ing", "Kirk"];
        string[] tails = ["ford", "ley", "wood", "ton", "by", "ham", "well", "more"];
        var text = new System.Text.StringBuilder("Mary Ashford opened the meeting.\n\n");
        for (var i = 1; i < people; i++)
        {
            text.Append(firsts[i % firsts.Length]).Append(' ').Append(heads[i % heads.Length]).Append(tails[i / heads.Length % tails.Length])
                .Append(" spoke about the budget.\n\n");
        }

        text.Append("Peter Ashford disagreed with the plan.\n\nLater, Ashford said the council had run out of time.\n\n");
        text.Append("Kirkford said little.");
        var doc = text.ToString();
        var (_, entities) = Analyze(doc);

        Resolve(doc, entities, "Ashford", occurrence: 2)!.Name.Should().Be("Peter Ashford");
        Resolve(doc, entities, "Kirkford", occurrence: people > 9 ? 1 : 0)!.Name.Should().Be(people > 9 ? "Mary Kirkford" : "Kirkford");
    }

    [Test]
    public void Resolve_RoleHeadWithNameInApposition_GivesTheName()
    {
        const string text = "The mayor, Helen Marsh, spoke first. The opposition leader, Councillor Raj Patel, said the plan would fail.";
        var (_, entities) = Analyze(text);

        Resolve(text, entities, "The opposition leader, Councillor Raj Patel,")!.Name.Should().Be("Raj Patel");
    }

    [TestCase("Harbour Council Finance Director Laura Glenby", "Laura Glenby")]
    [TestCase("Northvale Managing Director Peter Ashcombe", "Peter Ashcombe")]
    [TestCase("Westshire MEP Susan Kirkwell", "Susan Kirkwell")]
    [TestCase("Acme Group Treasurer Orrin Vastel", "Orrin Vastel")]
    [TestCase("State Agriculture Undersecretary Tomas Reede", "Tomas Reede")]
    [TestCase("Ohio Senate Republican Laura Brookfield", "Laura Brookfield")]
    [TestCase("Harbour Democrat Peter Ashcombe", "Peter Ashcombe")]
    public void Resolve_RoleNounInsideACapitalisedRun_NameStartsAfterIt(string mention, string name)
    {
        var text = $"{mention} said the figures were wrong. The company will appeal.";
        var (_, entities) = Analyze(text);

        Resolve(text, entities, mention)!.Name.Should().Be(name);
    }

    [TestCase("Chief Executive Officer John Ashby", "John Ashby")]
    [TestCase("Northvale Bank Officer Helen Carrow Smith", "Helen Carrow Smith")]
    public void Resolve_SeveralRoleNounsInARun_NameStartsAfterTheLast(string mention, string name)
    {
        var text = $"The plan is sound, {mention} said on Monday.";
        var (_, entities) = Analyze(text);

        Resolve(text, entities, mention)!.Name.Should().Be(name);
    }

    // Headlines in capitals ("CHAIRMAN SAYS PROFIT UP") have no name to cut out: the rule wants mixed-case words.
    [Test]
    public void Resolve_RoleNounInCapitals_IsNotCut()
    {
        const string text = "HARBOUR FINANCE DIRECTOR LAURA GLENBY said the figures were wrong.";
        var (_, entities) = Analyze(text);

        (Resolve(text, entities, "HARBOUR FINANCE DIRECTOR LAURA GLENBY")?.Name).Should().NotBe("LAURA GLENBY");
    }

    [Test]
    public void Resolve_TitleInsideACapitalisedRun_NameStartsAfterIt()
    {
        const string text = "The Labour MP Jane Porter spoke first. Former prime minister John Major said little.";
        var (_, entities) = Analyze(text);

        Resolve(text, entities, "The Labour MP Jane Porter")!.Name.Should().Be("Jane Porter");
        Resolve(text, entities, "Former prime minister John Major")!.Name.Should().Be("John Major");
    }

    [Test]
    public void Resolve_AliasesOfOnePerson_GiveFullName()
    {
        const string text = "Labour leader Sir Keir Starmer spoke on Monday. Starmer said the plan would work.\n" +
            "Sir Keir added that it was fair. Mr Starmer then left, and Keir waved. He said: \"We will win.\"";
        var (_, entities) = Analyze(text);

        foreach (var alias in new[] { "Labour leader Sir Keir Starmer", "Sir Keir Starmer", "Starmer", "Sir Keir", "Mr Starmer", "Keir", "He" })
        {
            var occurrence = alias is "Starmer" ? 1 : alias is "Keir" ? 2 : 0;
            Resolve(text, entities, alias, occurrence)?.Name.Should().Be("Keir Starmer", alias);
        }

        var keir = entities.Entities.Single(e => e.Name == "Keir Starmer");
        keir.Kind.Should().Be(EntityKind.Person);
        keir.Gender.Should().Be(Gender.Male);
        keir.Roles.Should().Contain("leader");
    }

    [Test]
    public void Resolve_PronounsWithManAndWoman_AgreeInGender()
    {
        const string text = "John Carter met Mary Jones in Leeds. She said the talks went well. He said he was less sure.";
        var (_, entities) = Analyze(text);

        Resolve(text, entities, "She")!.Name.Should().Be("Mary Jones");
        Resolve(text, entities, "He")!.Name.Should().Be("John Carter");
        entities.Entities.Single(e => e.Name == "Mary Jones").Gender.Should().Be(Gender.Female);
    }

    [Test]
    public void Resolve_RoleNominal_GivesPersonIntroducedWithTitle()
    {
        const string text = "Home Secretary Jane Doe visited Dover with Tom Smith. Later, the Home Secretary said the border was safe.";
        var (_, entities) = Analyze(text);

        Resolve(text, entities, "the Home Secretary")!.Name.Should().Be("Jane Doe");
        DocumentEntities.Classify(TextDocument.Analyze(text), text.IndexOf("the Home", StringComparison.Ordinal), text.IndexOf(" said", StringComparison.Ordinal))
            .Should().Be(MentionKind.RoleNominal);
    }

    [Test]
    public void Resolve_OrganisationSpans_GiveOrganisations()
    {
        const string text = "The Home Office said the rules would change. Reuters reported the move, and the White House declined to comment.";
        var (doc, entities) = Analyze(text);

        var office = Resolve(text, entities, "The Home Office")!;
        office.Kind.Should().Be(EntityKind.Organization);
        office.Name.Should().Be("Home Office");
        Resolve(text, entities, "Reuters")!.Kind.Should().Be(EntityKind.Organization);
        Resolve(text, entities, "the White House")!.Name.Should().Be("White House");
        DocumentEntities.Classify(doc, 0, 15).Should().Be(MentionKind.Organization);
    }

    [Test]
    public void Resolve_SpokesmanApposition_GivesTheSpokesmanNotTheEmployer()
    {
        const string text = "Hillary Clinton spoke in Ohio. Brian Fallon, a spokesman for Mrs. Clinton, said the email story was old. " +
            "A spokesman for Mrs. Clinton said nothing more.";
        var (doc, entities) = Analyze(text);

        Resolve(text, entities, "Brian Fallon, a spokesman for Mrs. Clinton")!.Name.Should().Be("Brian Fallon");
        Resolve(text, entities, "A spokesman for Mrs. Clinton").Should().BeNull();
        Resolve(text, entities, "Mrs. Clinton")!.Name.Should().Be("Hillary Clinton");
        var start = text.IndexOf("A spokesman", StringComparison.Ordinal);
        DocumentEntities.Classify(doc, start, start + "A spokesman for Mrs. Clinton".Length).Should().Be(MentionKind.RoleNominal);
    }

    [Test]
    public void Analyze_InitialsAndPartyTags_AreOnePerson()
    {
        const string text = "Senate leader Harry M. Reid (D-Nev.) spoke first. George W. Bush listened. Reid said the vote would pass.";
        var (_, entities) = Analyze(text);

        Resolve(text, entities, "Senate leader Harry M. Reid (D-Nev.)")!.Name.Should().Be("Harry M. Reid");
        Resolve(text, entities, "Reid", 1)!.Name.Should().Be("Harry M. Reid");
        entities.Entities.Should().Contain(e => e.Name == "George W. Bush" && e.Kind == EntityKind.Person);
    }

    [Test]
    public void Analyze_SentenceInitialWords_AreNotNames()
    {
        const string text = "The minister spoke. But critics disagreed. At the meeting, Anna Long said no.";
        var (_, entities) = Analyze(text);

        entities.Entities.Select(e => e.Name).Should().BeEquivalentTo(["Anna Long"]);
    }

    [Test]
    public void Resolve_AnonymousSources_GiveNull()
    {
        const string text = "Tom Brown left early. Sources said he was ill, and a source close to him agreed.";
        var (doc, entities) = Analyze(text);

        Resolve(text, entities, "Sources").Should().BeNull();
        Resolve(text, entities, "a source close to him").Should().BeNull();
        DocumentEntities.Classify(doc, text.IndexOf("Sources", StringComparison.Ordinal), text.IndexOf(" said", StringComparison.Ordinal)).Should().Be(MentionKind.Other);
        DocumentEntities.Classify(doc, text.IndexOf("he was", StringComparison.Ordinal), text.IndexOf("he was", StringComparison.Ordinal) + 2).Should().Be(MentionKind.Pronoun);
    }

    [Test]
    public void Resolve_PossessiveModifier_GivesHeadName()
    {
        const string text = "Hillary Clinton\u2019s campaign manager Robby Mook said the race was close. Clinton campaign chairman John Podesta agreed.";
        var (_, entities) = Analyze(text);

        Resolve(text, entities, "Hillary Clinton\u2019s campaign manager Robby Mook")!.Name.Should().Be("Robby Mook");
        Resolve(text, entities, "Clinton campaign chairman John Podesta")!.Name.Should().Be("John Podesta");
    }

    [Test]
    public void Resolve_WorkedExample_EveryGoldMentionIsKeirStarmer()
    {
        var text = File.ReadAllText(SharedData.Require("examples/oic-summit.txt"));
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.Require("examples/oic-summit.gold.json")));
        var (_, entities) = Analyze(text);

        var quotes = gold.RootElement.GetProperty("quotes").EnumerateArray().ToList();
        quotes.Should().HaveCount(8);
        foreach (var q in quotes)
        {
            var mention = q.GetProperty("mention");
            var start = mention.GetProperty("start").GetInt32();
            var end = mention.GetProperty("end").GetInt32();
            text[start..end].Should().Be(mention.GetProperty("text").GetString());
            entities.Resolve(start, end)?.Name.Should().Be(q.GetProperty("speaker").GetString(), $"mention '{text[start..end]}' at {start}");
            entities.Resolve(start, end).Should().NotBeNull();
        }

        var persons = entities.Entities.Where(e => e.Kind == EntityKind.Person).Select(e => e.Name);
        persons.Should().Contain(["Keir Starmer", "Yvette Cooper"]);
        var pm = text.IndexOf("the Prime Minister", StringComparison.Ordinal);
        entities.Resolve(pm, pm + "the Prime Minister".Length)!.Name.Should().Be("Keir Starmer");
        entities.Entities.Should().Contain(e => e.Name == "Sky News" && e.Kind == EntityKind.Organization);
    }
}
