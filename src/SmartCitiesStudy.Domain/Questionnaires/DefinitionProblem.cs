namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>A problem in a questionnaire definition, at a JSON path such as <c>$.sections[0].subsections[1].questions[3].code</c>.</summary>
public sealed record DefinitionProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>What validating a definition found: errors refuse it; warnings (missing translations) do not.</summary>
public sealed record DefinitionReport(IReadOnlyList<DefinitionProblem> Errors, IReadOnlyList<DefinitionProblem> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
