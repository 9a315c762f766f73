using SmartCitiesStudy.Domain.Answers;

namespace SmartCitiesStudy.Application.Features.Review;

/// <summary>One change of an answer: who, when, old → new, and why for reviewer corrections.</summary>
public sealed record AnswerHistoryItem(string Path, AnswerValue? Old, AnswerValue? New, string? UserName, DateTimeOffset At, AnswerChangeSource Source, string? Reason);
