using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>
/// Checks a questionnaire definition against the rules of docs/questionnaire-format.md and lists every problem with
/// its path. Missing Spanish or French texts are warnings: they fall back to English.
/// </summary>
public static partial class DefinitionValidator
{
    public const int MaxCodeLength = 64;

    public static DefinitionReport Validate(QuestionnaireDefinition definition)
    {
        var walker = new Walker();
        walker.Definition(definition);
        return new DefinitionReport(walker.Errors, walker.Warnings);
    }

    public static bool IsValidCode(string? code) => code is { Length: > 0 and <= MaxCodeLength } && CodePattern().IsMatch(code);

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Za-z0-9-]{1,16}$")]
    private static partial Regex EditionPattern();

    private sealed class Walker
    {
        private readonly HashSet<string> _sectionCodes = [];
        private readonly HashSet<string> _subsectionCodes = [];

        // Questions seen so far, in order: showWhen may only look back.
        private readonly Dictionary<string, Question> _earlier = [];

        public List<DefinitionProblem> Errors { get; } = [];

        public List<DefinitionProblem> Warnings { get; } = [];

        public void Definition(QuestionnaireDefinition d)
        {
            if (d.Format != QuestionnaireDefinition.CurrentFormat)
            {
                Error("$.format", $"Format {d.Format} is not supported; this portal reads format {QuestionnaireDefinition.CurrentFormat}.");
            }

            if (d.Edition is null || !EditionPattern().IsMatch(d.Edition))
            {
                Error("$.edition", $"Edition code '{d.Edition}' must be 1–16 letters, digits or '-'.");
            }

            Text("$.title", d.Title, required: true);
            Text("$.intro", d.Intro, required: false);
            if (d.Sections is not { Count: > 0 })
            {
                Error("$.sections", "A questionnaire needs at least one section.");
                return;
            }

            for (var i = 0; i < d.Sections.Count; i++)
            {
                Section($"$.sections[{i}]", d.Sections[i]);
            }
        }

        private void Section(string path, Section section)
        {
            Code($"{path}.code", section.Code, _sectionCodes, "section");
            Text($"{path}.title", section.Title, required: true);
            Text($"{path}.intro", section.Intro, required: false);
            if (section.Subsections is not { Count: > 0 })
            {
                Error($"{path}.subsections", $"Section '{section.Code}' needs at least one subsection.");
                return;
            }

            for (var i = 0; i < section.Subsections.Count; i++)
            {
                var sub = section.Subsections[i];
                var subPath = $"{path}.subsections[{i}]";
                Code($"{subPath}.code", sub.Code, _subsectionCodes, "subsection");
                Text($"{subPath}.title", sub.Title, required: true);
                Text($"{subPath}.help", sub.Help, required: false);
                if (sub.Questions is not { Count: > 0 })
                {
                    Error($"{subPath}.questions", $"Subsection '{sub.Code}' needs at least one question.");
                    continue;
                }

                for (var q = 0; q < sub.Questions.Count; q++)
                {
                    Question($"{subPath}.questions[{q}]", sub.Questions[q], group: null, groupFields: null);
                }
            }
        }

        private void Question(string path, Question question, Question? group, Dictionary<string, Question>? groupFields)
        {
            var scope = groupFields ?? _earlier;
            var codes = new HashSet<string>(scope.Keys);
            Code($"{path}.code", question.Code, codes, group is null ? "question" : $"field of group '{group.Code}'");
            Text($"{path}.title", question.Title, required: true);
            Text($"{path}.help", question.Help, required: false);
            if (!Enum.IsDefined(question.Type))
            {
                Error($"{path}.type", "Unknown question type.");
                return;
            }

            TypeRules(path, question, group);
            Condition(path, question, groupFields);
            Indicator(path, question, group);
            SameAs(path, question, group);
            if (question.Code is not null)
            {
                scope.TryAdd(question.Code, question);
            }

            if (question.Type == QuestionType.Group)
            {
                var fields = new Dictionary<string, Question>();
                for (var i = 0; i < question.Questions.Count; i++)
                {
                    Question($"{path}.questions[{i}]", question.Questions[i], question, fields);
                }
            }
        }

        private void TypeRules(string path, Question q, Question? group)
        {
            var type = q.Type.Code();
            if (q.Type.IsChoice())
            {
                if (q.Options.Count < 2)
                {
                    Error($"{path}.options", $"A {type} question needs at least two options.");
                }

                var optionCodes = new HashSet<string>();
                for (var i = 0; i < q.Options.Count; i++)
                {
                    var option = q.Options[i];
                    if (option.Code == Questionnaires.Question.OtherCode)
                    {
                        Error($"{path}.options[{i}].code", "The option code 'other' is reserved: use \"allowOther\": true instead.");
                    }
                    else
                    {
                        Code($"{path}.options[{i}].code", option.Code, optionCodes, "option");
                    }

                    Text($"{path}.options[{i}].title", option.Title, required: true);
                }

                var choices = q.Options.Count + (q.AllowOther ? 1 : 0);
                if (q.MaxChoices is { } max && (q.Type != QuestionType.MultipleChoice || max < 1 || max > choices))
                {
                    Error($"{path}.maxChoices", q.Type == QuestionType.MultipleChoice
                        ? $"maxChoices must be between 1 and {choices}."
                        : "maxChoices applies to multiple_choice questions only.");
                }
            }
            else
            {
                NotFor(path, "options", q.Options.Count > 0, type);
                NotFor(path, "allowOther", q.AllowOther, type);
                NotFor(path, "maxChoices", q.MaxChoices is not null, type);
            }

            if (q.Type == QuestionType.Number)
            {
                if (q.Min is { } min && q.Max is { } max && min > max)
                {
                    Error($"{path}.min", $"min ({min.ToString(CultureInfo.InvariantCulture)}) is greater than max ({max.ToString(CultureInfo.InvariantCulture)}).");
                }

                if (q.Decimals is < 0 or > 6)
                {
                    Error($"{path}.decimals", "decimals must be between 0 and 6.");
                }

                Text($"{path}.unit", q.Unit, required: false);
            }
            else
            {
                NotFor(path, "min", q.Min is not null, type);
                NotFor(path, "max", q.Max is not null, type);
                NotFor(path, "decimals", q.Decimals is not null, type);
                NotFor(path, "unit", q.Unit is not null, type);
            }

            var maxLength = q.Type switch
            {
                QuestionType.ShortText => Questionnaires.Question.MaxShortTextLength,
                QuestionType.LongText => Questionnaires.Question.MaxLongTextLength,
                _ => 0,
            };
            if (maxLength == 0)
            {
                NotFor(path, "maxLength", q.MaxLength is not null, type);
            }
            else if (q.MaxLength is < 1 || q.MaxLength > maxLength)
            {
                Error($"{path}.maxLength", $"maxLength must be between 1 and {maxLength} for {type}.");
            }

            if (q.Type == QuestionType.Group)
            {
                if (group is not null)
                {
                    Error($"{path}.type", "Groups cannot contain groups.");
                }

                if (q.Questions.Count == 0)
                {
                    Error($"{path}.questions", $"Group '{q.Code}' needs at least one field.");
                }

                if (q.MinItems is < 0 || q.MaxItems is < 1 or > 100 || q.MinItems > q.EffectiveMaxItems)
                {
                    Error($"{path}.maxItems", "Groups need 0 ≤ minItems ≤ maxItems ≤ 100.");
                }

                Text($"{path}.itemTitle", q.ItemTitle, required: false);
            }
            else
            {
                NotFor(path, "questions", q.Questions.Count > 0, type);
                NotFor(path, "minItems", q.MinItems is not null, type);
                NotFor(path, "maxItems", q.MaxItems is not null, type);
                NotFor(path, "itemTitle", q.ItemTitle is not null, type);
            }
        }

        private void Condition(string path, Question q, Dictionary<string, Question>? groupFields)
        {
            if (q.ShowWhen is not { } condition)
            {
                return;
            }

            var conditionPath = $"{path}.showWhen";
            if (condition.Question == q.Code)
            {
                Error($"{conditionPath}.question", $"Question '{q.Code}' cannot depend on itself.");
                return;
            }

            Question? parent = null;
            if (condition.Question is not null && !(groupFields?.TryGetValue(condition.Question, out parent) ?? false))
            {
                _earlier.TryGetValue(condition.Question, out parent);
            }

            if (parent is null)
            {
                Error($"{conditionPath}.question", $"showWhen refers to '{condition.Question}', which is not an earlier question.");
                return;
            }

            if ((condition.EqualTo is null) == (condition.AnyOf is null))
            {
                Error(conditionPath, "showWhen needs exactly one of \"equals\" or \"anyOf\".");
                return;
            }

            if (parent.Type == QuestionType.YesNo)
            {
                if (condition.EqualTo is not ("yes" or "no"))
                {
                    Error($"{conditionPath}.equals", $"'{condition.Question}' is a yes/no question: use \"equals\": \"yes\" or \"no\".");
                }
            }
            else if (parent.Type.IsChoice())
            {
                if (condition.EqualTo is not null && parent.Type == QuestionType.MultipleChoice)
                {
                    Error($"{conditionPath}.equals", $"'{condition.Question}' allows several choices: use \"anyOf\".");
                }

                foreach (var value in condition.AcceptedValues.Where(v => !parent.HasOption(v)))
                {
                    Error(conditionPath, $"'{value}' is not an option of '{condition.Question}'.");
                }

                if (condition.AnyOf is { Count: 0 })
                {
                    Error($"{conditionPath}.anyOf", "anyOf needs at least one option code.");
                }
            }
            else
            {
                Error($"{conditionPath}.question", $"showWhen can only depend on yes/no or choice questions; '{condition.Question}' is {parent.Type.Code()}.");
            }
        }

        private void Indicator(string path, Question q, Question? group)
        {
            if (q.Indicator is not { } indicator)
            {
                return;
            }

            if (group is not null)
            {
                Error($"{path}.indicator", "Indicators are computed from top-level questions, not from fields of a group.");
                return;
            }

            var fits = indicator.Kind switch
            {
                IndicatorKind.Share => q.Type == QuestionType.YesNo,
                IndicatorKind.Choice => q.Type.IsChoice(),
                IndicatorKind.Mean => q.Type == QuestionType.Number,
                _ => false,
            };
            if (!fits)
            {
                Error($"{path}.indicator.kind", $"A {indicator.Kind.ToString().ToLowerInvariant()} indicator does not fit a {q.Type.Code()} question.");
            }

            Text($"{path}.indicator.label", indicator.Label, required: true);
        }

        // The form of the links only: whether the target exists in its edition is checked against that edition.
        private void SameAs(string path, Question q, Question? group)
        {
            if (q.SameAs is not null)
            {
                if (group is not null)
                {
                    Error($"{path}.sameAs", "Only top-level questions are followed across editions, not fields of a group.");
                }
                else if (!SameAsLink.TryParse(q.SameAs, out var link) || link.Option is not null)
                {
                    Error($"{path}.sameAs", $"sameAs '{q.SameAs}' must read \"<edition>:<question code>\", e.g. \"2017:open_data_portal\".");
                }
            }

            for (var i = 0; i < q.Options.Count; i++)
            {
                var value = q.Options[i].SameAs;
                if (value is not null && (!SameAsLink.TryParse(value, out var link) || link.Option is null))
                {
                    Error($"{path}.options[{i}].sameAs", $"sameAs '{value}' must read \"<edition>:<question code>/<option code>\", e.g. \"2017:economy_barriers/lack_of_funding\".");
                }
            }
        }

        private void Code(string path, string? code, HashSet<string> seen, string what)
        {
            if (!IsValidCode(code))
            {
                Error(path, $"The {what} code '{code}' must be lower_snake_case (a-z, 0-9, _; starting with a letter; at most {MaxCodeLength} characters).");
            }
            else if (!seen.Add(code!))
            {
                Error(path, $"The {what} code '{code}' is used twice.");
            }
        }

        private void Text(string path, LocalizedText? text, bool required)
        {
            if (text is null)
            {
                if (required)
                {
                    Error(path, "A text is required here: { \"en\": …, \"es\": …, \"fr\": … }.");
                }

                return;
            }

            if (string.IsNullOrWhiteSpace(text.En))
            {
                Error($"{path}.en", "The English text is required.");
            }

            foreach (var language in new[] { "es", "fr" })
            {
                if (string.IsNullOrWhiteSpace(text.Exact(language)))
                {
                    Warnings.Add(new DefinitionProblem($"{path}.{language}", "Missing translation: English will be shown."));
                }
            }
        }

        private void NotFor(string path, string property, bool present, string type)
        {
            if (present)
            {
                Error($"{path}.{property}", $"'{property}' does not apply to {type} questions.");
            }
        }

        private void Error(string path, string message) => Errors.Add(new DefinitionProblem(path, message));
    }
}
