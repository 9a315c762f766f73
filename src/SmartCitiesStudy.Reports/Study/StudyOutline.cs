using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Texts;
using SmartCitiesStudy.Reports.Text;
using SmartCitiesStudy.Reports.Texts;

namespace SmartCitiesStudy.Reports.Study;

/// <summary>What an outline entry shows.</summary>
public enum OutlineKind
{
    Foreword,
    Chapter,
    Text,
    Objectives,
    Methodology,
    Cities,
    Field,
    OtherPractices,
    Barriers,
    Facilitators,
    Conclusions,
    Annex,
}

/// <summary>
/// One numbered part of the study report as the contents list it: a chapter (level 1, "3") or a section inside it
/// (level 2, "3.1"). <see cref="Number"/> is the running index the page finder's markers use.
/// </summary>
public sealed record OutlineEntry(string Id, int Number, string Label, string Title, int Level, OutlineKind Kind, string? Block = null, Section? Field = null)
{
    /// <summary>"3.1 Knowledge and talent", or the title alone for the foreword and the annex.</summary>
    public string Heading => Label.Length == 0 ? Title : $"{Label} {Title}";
}

/// <summary>A chapter with its numbered sections.</summary>
public sealed record OutlineChapter(OutlineEntry Entry, IReadOnlyList<OutlineEntry> Sections);

/// <summary>
/// The study report in the 2017 publication's order: Foreword; 1 Smart Cities (1.1 in UCLG, 1.2 concept, 1.3
/// factors); 2 The study (approach, objectives, methodology, participating cities); 3 one section per field with its
/// good practices; 4 barriers and facilitating elements; 5 conclusions; the questionnaire annex. A chapter or section
/// with nothing to show is left out; a cross-cutting section is not a field.
/// </summary>
public static class StudyOutline
{
    public static IReadOnlyList<OutlineChapter> Chapters(StudyReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = ChapterText.For(model.Language);
        var number = 0;
        var chapters = new List<OutlineChapter>();
        var chapterNumber = 0;

        OutlineEntry Entry(string id, string label, string title, int level, OutlineKind kind, string? block = null, Section? field = null) =>
            new(id, ++number, label, title, level, kind, block, field);

        void AddChapter(string id, string title, IReadOnlyList<(string Id, string Title, OutlineKind Kind, string? Block, Section? Field)> sections)
        {
            if (sections.Count == 0)
            {
                return;
            }

            chapterNumber++;
            var chapter = Entry(id, chapterNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), title, 1, OutlineKind.Chapter);
            var children = sections.Select((s, i) => Entry(s.Id, $"{chapterNumber}.{i + 1}", s.Title, 2, s.Kind, s.Block, s.Field)).ToList();
            chapters.Add(new OutlineChapter(chapter, children));
        }

        bool Has(string block) => model.Texts.Has(block, model.Language);

        if (Has(TextBlocks.Foreword))
        {
            chapters.Add(new OutlineChapter(Entry("foreword", string.Empty, text.Foreword, 1, OutlineKind.Foreword, TextBlocks.Foreword), []));
        }

        AddChapter("smart-cities", text.SmartCities, [.. new[]
        {
            ("uclg", text.SmartCitiesInUclg, OutlineKind.Text, (string?)TextBlocks.Uclg, (Section?)null),
            ("concept", text.Concept, OutlineKind.Text, TextBlocks.Concept, null),
            ("factors", text.Factors, OutlineKind.Text, TextBlocks.Factors, null),
        }.Where(s => Has(s.Item4!))]);

        AddChapter("study", text.TheStudy,
        [
            ("approach", text.Approach, OutlineKind.Text, TextBlocks.Approach, null),
            ("objectives", text.Objectives, OutlineKind.Objectives, TextBlocks.Objectives, null),
            ("methodology", text.Methodology, OutlineKind.Methodology, TextBlocks.Methodology, null),
            ("cities", text.ParticipatingCities, OutlineKind.Cities, TextBlocks.Cities, null),
        ]);

        var fields = StudyFields(model.Questionnaire).ToList();
        var results = fields.Select(f => ("field-" + f.Code, f.Title.Get(model.Language), OutlineKind.Field, (string?)TextBlocks.Field(f.Code), (Section?)f)).ToList();
        if (OtherPractices(model, fields).Any())
        {
            results.Add(("other-practices", text.OtherGoodPractices, OutlineKind.OtherPractices, null, null));
        }

        AddChapter("results", text.Results, results);

        AddChapter("factors", text.BarriersAndFacilitators, [.. new[]
        {
            ("barriers", text.Barriers, OutlineKind.Barriers, (string?)TextBlocks.Barriers, (Section?)null),
            ("facilitators", text.Facilitators, OutlineKind.Facilitators, TextBlocks.Facilitators, null),
        }.Where(s => Has(s.Item4!) || FactorLists.Of(model, barriers: s.Item3 == OutlineKind.Barriers).Count > 0)]);

        chapterNumber++;
        chapters.Add(new OutlineChapter(Entry("conclusions", chapterNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), text.Conclusions, 1, OutlineKind.Conclusions, TextBlocks.Conclusions), []));
        chapters.Add(new OutlineChapter(Entry("annex", string.Empty, ReportText.For(model.Language).Annex, 1, OutlineKind.Annex), []));
        return chapters;
    }

    /// <summary>Every entry in reading order, chapters followed by their sections (the contents page).</summary>
    public static IReadOnlyList<OutlineEntry> For(StudyReportModel model) =>
        [.. Chapters(model).SelectMany(c => new[] { c.Entry }.Concat(c.Sections))];

    /// <summary>The questionnaire's sections with at least one indicator (the factsheet's fields).</summary>
    public static IEnumerable<Section> Fields(QuestionnaireDefinition questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        return questionnaire.Sections.Where(s => s.Questions.Any(q => q.Figure is not null));
    }

    /// <summary>
    /// The study's fields: sections with an indicator other than barriers and facilitating elements. A section that
    /// asks only about barriers and facilitating elements is cross-cutting, not a field.
    /// </summary>
    public static IEnumerable<Section> StudyFields(QuestionnaireDefinition questionnaire) =>
        Fields(questionnaire).Where(s => s.Questions.Any(q => q.Figure is not null && !IsFactor(q)));

    /// <summary>The barriers and facilitating elements questions with an indicator, field by field, cross-cutting last.</summary>
    public static IEnumerable<Question> FactorQuestions(QuestionnaireDefinition questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        var fields = StudyFields(questionnaire).ToList();
        return questionnaire.Sections
            .OrderBy(s => fields.Contains(s) ? 0 : 1)
            .SelectMany(s => s.Questions)
            .Where(q => q.Figure is not null && IsFactor(q));
    }

    public static bool IsFactor(Question question) => IsBarrier(question) || question.Code.EndsWith("facilitators", StringComparison.Ordinal);

    public static bool IsBarrier(Question question) => question.Code.EndsWith("barriers", StringComparison.Ordinal);

    /// <summary>Good practices whose field is not one of the study's fields (shown after the fields).</summary>
    public static IEnumerable<Application.Features.Publication.GoodPractice> OtherPractices(StudyReportModel model, IReadOnlyList<Section> fields) =>
        model.GoodPractices.Where(p => !fields.Any(f => f.Code == p.Field));
}
