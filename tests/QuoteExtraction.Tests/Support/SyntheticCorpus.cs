using System.Text;
using QuoteExtraction.Corpora;

namespace QuoteExtraction.Tests.Support;

/// <summary>A small annotated corpus generated from sentences written for the tests (seeded, so always the same).</summary>
internal static class SyntheticCorpus
{
    private static readonly string[] Names = ["Jane Porter", "Tom Okafor", "Maria Lindqvist", "David Chen", "Aisha Rahman", "Peter Walsh", "Lucy Brandt", "Omar Haddad"];
    private static readonly string[] Roles = ["a spokesman for the council", "the city treasurer", "a local teacher", "the union leader"];
    private static readonly string[] Quotes =
    [
        "We will rebuild the bridge by spring", "The budget is balanced for the first time", "Nobody expected the vote to be this close",
        "Our schools need more teachers", "This plan will cut waiting lists", "We cannot accept these terms", "The figures speak for themselves",
        "Prices have risen too fast this year",
    ];

    private static readonly string[] Fillers =
    [
        "The meeting ran late into the evening.", "Several residents attended.", "The proposal will be debated next week.",
        "Local businesses have followed the debate closely.",
    ];

    public static IReadOnlyList<AnnotatedDocument> Create(int documents, int seed = 5)
    {
        var random = new Random(seed);
        var docs = new List<AnnotatedDocument>();
        for (int d = 0; d < documents; d++)
        {
            var sb = new StringBuilder();
            var attributions = new List<AnnotatedAttribution>();
            int paragraphs = random.Next(2, 5);
            for (int p = 0; p < paragraphs; p++)
            {
                if (p > 0)
                {
                    sb.Append("\n\n");
                }

                sb.Append(Fillers[random.Next(Fillers.Length)]).Append(' ');
                var name = Names[random.Next(Names.Length)];
                var quote = Quotes[random.Next(Quotes.Length)];
                int template = random.Next(4);
                int qs, qe, ss, se, cs, ce;
                switch (template)
                {
                    case 0: // "Q," Name said.
                        qs = sb.Length; sb.Append('"').Append(quote).Append(",\""); qe = sb.Length;
                        sb.Append(' '); ss = sb.Length; sb.Append(name); se = sb.Length;
                        sb.Append(' '); cs = sb.Length; sb.Append("said"); ce = sb.Length; sb.Append('.');
                        break;
                    case 1: // Name said: "Q."
                        ss = sb.Length; sb.Append(name); se = sb.Length; sb.Append(' ');
                        cs = sb.Length; sb.Append("said"); ce = sb.Length; sb.Append(": ");
                        qs = sb.Length; sb.Append('"').Append(quote).Append(".\""); qe = sb.Length;
                        break;
                    case 2: // "Q," said Name, role.
                        qs = sb.Length; sb.Append('"').Append(quote).Append(",\""); qe = sb.Length; sb.Append(' ');
                        cs = sb.Length; sb.Append("said"); ce = sb.Length; sb.Append(' ');
                        ss = sb.Length; sb.Append(name).Append(", ").Append(Roles[random.Next(Roles.Length)]); se = sb.Length; sb.Append('.');
                        break;
                    default: // Name told reporters: "Q."
                        ss = sb.Length; sb.Append(name); se = sb.Length; sb.Append(' ');
                        cs = sb.Length; sb.Append("told"); ce = sb.Length; sb.Append(" reporters: ");
                        qs = sb.Length; sb.Append('"').Append(quote).Append(".\""); qe = sb.Length;
                        break;
                }

                var text = sb.ToString();
                attributions.Add(new AnnotatedAttribution(
                    $"E{attributions.Count + 1}",
                    [new TextSpan(qs, qe, text[qs..qe])],
                    [new TextSpan(cs, ce, text[cs..ce])],
                    [new TextSpan(ss, se, text[ss..se])]));
            }

            docs.Add(new AnnotatedDocument($"synthetic-{d:000}", sb.ToString(), attributions));
        }

        return docs;
    }
}
