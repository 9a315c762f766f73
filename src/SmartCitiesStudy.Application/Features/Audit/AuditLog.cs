using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;

namespace SmartCitiesStudy.Application.Features.Audit;

/// <summary>Adds entries to the audit trail inside the caller's unit of work (saved with the change they describe).</summary>
public static class AuditLog
{
    public static void Record(
        this IStudyDbContext db,
        DateTimeOffset at,
        StudyUser? user,
        string action,
        string entityType,
        string entityId,
        int? editionId = null,
        int? responseId = null,
        string? before = null,
        string? after = null,
        string? reason = null) =>
        db.AuditEntries.Add(new AuditEntry(at, user?.UserId, user?.DisplayName, action, entityType, entityId, editionId, responseId, before, after, reason));
}
