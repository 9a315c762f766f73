using SmartCitiesStudy.Domain.Answers;

namespace SmartCitiesStudy.Infrastructure.Seeding;

/// <summary>A good practice as the study describes it, stored as one item of the <c>good_practices</c> group.</summary>
public sealed record DemoGoodPractice(
    string City,
    string ItemId,
    string Field,
    string Title,
    string Description,
    string? KeySuccessFactors,
    string? Results,
    string? Website)
{
    public const string GroupCode = "good_practices";

    /// <summary>Adds the item's fields and appends the item to the group's list.</summary>
    public void AddTo(IDictionary<string, AnswerValue> answers)
    {
        var items = answers.TryGetValue(GroupCode, out var group) ? [.. group.Items ?? []] : new List<string>();
        items.Add(ItemId);
        answers[GroupCode] = AnswerValue.OfItems(items);
        answers[AnswerPath.Field(GroupCode, ItemId, "field")] = AnswerValue.OfChoice(Field);
        answers[AnswerPath.Field(GroupCode, ItemId, "title")] = AnswerValue.OfText(Title);
        answers[AnswerPath.Field(GroupCode, ItemId, "description")] = AnswerValue.OfText(Description);
        if (KeySuccessFactors is not null)
        {
            answers[AnswerPath.Field(GroupCode, ItemId, "key_success_factors")] = AnswerValue.OfText(KeySuccessFactors);
        }

        if (Results is not null)
        {
            answers[AnswerPath.Field(GroupCode, ItemId, "results")] = AnswerValue.OfText(Results);
        }

        if (Website is not null)
        {
            answers[AnswerPath.Field(GroupCode, ItemId, "website")] = AnswerValue.OfText(Website);
        }
    }
}

/// <summary>Good practices of the 2017 study (seed 003), summarised from its text.</summary>
public static class DemoGoodPractices
{
    public static IReadOnlyList<DemoGoodPractice> For2017 { get; } =
    [
        new(
            "Bilbao", "ibilbao2020", "innovation",
            "Innovation and Smart Specialisation Strategy of the City of Bilbao (iBilbao 2020)",
            "Defined in 2014, the strategy turns the city's vision of its economic future into an operational framework. Priority sectors: knowledge-intensive business services, cultural and creative industries, and the digital economy, deployed through seven axes: an entrepreneurial city, internationalisation, clustering, business innovation and technology transfer, a city of talent, financing, and positioning as an innovative city.",
            "It involves and aligns companies and innovation agents in one framework, supports a Living Lab for the strategic sectors, and coordinates the active economic policies of the administrations.",
            "A monitoring and evaluation of the success of the strategic measures defined; visibility for entrepreneurs and investors in the priority sectors.",
            null),
        new(
            "Liège", "venturelab", "innovation",
            "VentureLab, student and young graduate incubator",
            "Created by the University of Liège, VentureLab is the first business incubator in French-speaking Belgium dedicated to entrepreneurship among students and young graduates. It offers co-working space, tutoring and personalised follow-up by three coaches with entrepreneurial experience, training modules, conferences and networking, and a crowdfunding campaign through the Crowd'In platform.",
            "Supported by almost 20 partners; led by the HEC-ULg entrepreneurship project; one of the priorities of Wallonia's Strategic Plan.",
            "220 young people supported during the development of their project.",
            "https://www.venturelab.be"),
        new(
            "Quito", "quitoteconecta", "digital",
            "QuitoTeConecta (Quito connects you)",
            "A flagship project that brings public and private companies into making the Metropolitan District of Quito a smart, resilient, sustainable and innovative city, with participation agreements with telecommunication companies and an alliance with the National Polytechnic School and the Pontifical Catholic University, whose campus Wi-Fi is open to all citizens.",
            "A collaborative economy model, which makes it sustainable and increases people's interest in being connected.",
            "402 Wi-Fi hotspots in parks, squares, universities and public transport stops; 30 hotspots ready in temporary shelters for a possible eruption of the Cotopaxi volcano.",
            "https://www.quitoteconecta.gob.ec"),
        new(
            "São Paulo", "mobilab", "innovation",
            "MobiLab, coworking space for innovation in mobility",
            "Created by the City Council in October 2015, MobiLab is a coworking space that promotes the transparency and use of raw public data on public transport and traffic, and projects for evidence-based public policies developed with research institutes and universities.",
            "Incorporating start-ups by managing innovation and creativity at low cost, and a new formula for public procurement.",
            "A public bid contracted the 4 best start-up projects, one of which replaced paper fine records with smartphones and reduced errors by 10%; 12 mobility start-ups took part in a residency programme.",
            "https://www.mobilab.prefeitura.sp.gov.br"),
        new(
            "Lappeenranta", "greenenergyshowroom", "innovation",
            "Network of companies \"Green Energy Showroom\"",
            "An active network of companies in the energy and environment sectors, coordinated by the city of Lappeenranta with the Technology University (LUT), that generates business through sustainable solutions and contributes to the city's green objectives.",
            "Shared values and a common strategy; infrastructure to test and demonstrate environmental and energy solutions; an attractive brand.",
            "Members found new clients inside and outside the network and new markets for their products and services.",
            "https://www.greenenergyshowroom.fi"),
        new(
            "Porto", "portoinnovationhub", "innovation",
            "Porto Innovation Hub",
            "A space that acts as a bridge between citizens, businesses and the municipality to promote innovation as a driver of local development, with a wide range of daily activities.",
            "Its role as a meeting point between citizens, businesses and the city council.",
            "Workshops that present local business projects to the public; networks of events and lectures that promote the cohesion of local development.",
            "https://www.portoinnovationhub.pt"),
        new(
            "Medellín", "rutancapital", "innovation",
            "Ruta N Capital",
            "A line of flexible financing with risk sharing that supports highly differentiated science and technology businesses with product development, marketing strategies and business models, and financial readiness to access intelligent capital. Projects are qualified with the \"Scoring N\" system.",
            "Financial tools that give entrepreneurs access to capital while protecting intellectual property, and specialised support that removes the main barriers to forming new businesses.",
            "A sustainable model with a probability of 93% compliance in a financing cycle of less than 7 years.",
            "https://www.rutanmedellin.org"),
    ];
}
