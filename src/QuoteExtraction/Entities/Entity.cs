namespace QuoteExtraction.Entities;

/// <summary>What an entity is.</summary>
public enum EntityKind
{
    /// <summary>A person.</summary>
    Person,

    /// <summary>An organisation, party, government body or news outlet.</summary>
    Organization,

    /// <summary>A name with no evidence either way, or an unnamed group.</summary>
    Unknown,
}

/// <summary>Grammatical gender of an entity, as far as the document shows it.</summary>
public enum Gender
{
    /// <summary>Not known.</summary>
    Unknown,

    /// <summary>Male (he/him/his, Mr, Sir, Lord, a male first name).</summary>
    Male,

    /// <summary>Female (she/her, Mrs, Ms, Dame, Lady, a female first name).</summary>
    Female,

    /// <summary>A group referred to as "they".</summary>
    Plural,
}

/// <summary>What kind of noun phrase a mention span is; a feature for the speaker model.</summary>
public enum MentionKind
{
    /// <summary>A person's name, with or without titles ("Labour leader Sir Keir Starmer", "Mr. Trump").</summary>
    Name,

    /// <summary>A personal or relative pronoun ("he", "they", "who").</summary>
    Pronoun,

    /// <summary>A nominal headed by a role or title ("the Prime Minister", "a spokesman for Mrs. Clinton").</summary>
    RoleNominal,

    /// <summary>An organisation or outlet ("the Home Office", "Reuters", "the Trump campaign").</summary>
    Organization,

    /// <summary>Anything else ("sources", "a 2014 study").</summary>
    Other,
}

/// <summary>A person or organisation mentioned in a document, with the spans that name it.</summary>
/// <param name="Name">Canonical name: the fullest name without titles ("Keir Starmer"), or the organisation's name without "the".</param>
/// <param name="Kind">Person, organisation or unknown.</param>
/// <param name="Gender">Gender from honorifics, first names and following pronouns.</param>
public sealed record Entity(string Name, EntityKind Kind, Gender Gender)
{
    /// <summary>Name mentions in text order (titles included: "Sir Keir Starmer", "Mr Starmer"); pronouns and role nominals are not listed.</summary>
    public IReadOnlyList<TextSpan> Mentions { get; init; } = [];

    /// <summary>Role keys the document gives the entity, lower case ("home secretary", "leader", "spokesman").</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
}
