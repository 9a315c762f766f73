using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Cli.Commands;

/// <summary>
/// <c>edition list | create | open | close | publish | unpublish | set-deadline | attach-publication</c>: the edition
/// lifecycle (and the original publication, <see cref="EditionPublicationCommand"/>) through the
/// same use cases as the web portal's Editions page, so the same rules apply. A refusal is one "error:" line naming
/// the edition and why, exit code 1.
/// </summary>
internal static class EditionCommands
{
    private const string DateFormat = "yyyy-MM-dd";

    private static readonly string[] ListHeader = ["CODE", "TITLE", "THEME", "STATUS", "DEADLINE", "RESPONSES"];

    public static Command Create(CliContext context)
    {
        var edition = new Option<string>("--edition") { Description = "Edition code, e.g. 2027.", Required = true };
        return new Command("edition", "Edition lifecycle: list, create, open, close, publish, unpublish, set a deadline, attach the original publication.")
        {
            List(context),
            CreateCommand(context),
            Open(context, edition),
            Change(context, edition, "close", "Close an open edition: officers can no longer change answers.", EditionAction.Close, EditionStatus.Open),
            Change(context, edition, "publish", "Publish a closed edition: its approved responses become the public figures.", EditionAction.Publish, EditionStatus.Closed),
            Unpublish(context, edition),
            SetDeadline(context, edition),
            EditionPublicationCommand.Create(context),
        };
    }

    private static Command List(CliContext context)
    {
        var list = new Command("list", "List the editions: code, title, theme, status, deadline and responses by status.");
        list.SetAction((_, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var editions = await services.GetRequiredService<ListEditions>().ExecuteAsync(publishedOnly: false, ct);
                var counts = await services.GetRequiredService<CountEditionResponses>().ExecuteAsync(ct);
                var rows = new List<string[]> { ListHeader };
                foreach (var e in editions)
                {
                    var c = counts.GetValueOrDefault(e.Code) ?? EditionResponseCounts.None;
                    rows.Add(
                    [
                        e.Code, e.Title, e.Theme, e.Status.ToString().ToLowerInvariant(), e.Deadline?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "-",
                        string.Create(CultureInfo.InvariantCulture, $"{c.Total} ({c.Draft} draft, {c.Submitted} submitted, {c.Returned} returned, {c.Approved} approved)"),
                    ]);
                }

                var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
                foreach (var row in rows)
                {
                    await context.Output.WriteLineAsync(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
                }

                return StudyCli.Success;
            },
            cancellationToken));
        return list;
    }

    private static Command CreateCommand(CliContext context)
    {
        var code = new Option<string>("--code") { Description = "The new edition's code, usually its year (e.g. 2027).", Required = true };
        var title = new Option<string>("--title") { Description = "Title, e.g. \"Smart Cities Study 2027\".", Required = true };
        var theme = new Option<string>("--theme") { Description = "Theme, e.g. GOVERNANCE.", Required = true };
        var year = new Option<int?>("--year") { Description = "Year of the edition (default: the code when it is a year, else this year)." };
        var from = new Option<string?>("--from") { Description = "Copy the questionnaire of this edition (default: start without a questionnaire)." };
        var create = new Command("create", "Create an edition as a draft, optionally copying an earlier edition's questionnaire.") { code, title, theme, year, from };
        create.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var newCode = parse.GetRequiredValue(code).Trim();
                var source = parse.GetValue(from);
                var editionYear = parse.GetValue(year)
                    ?? (newCode.Length == 4 && int.TryParse(newCode, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : TimeProvider.System.GetUtcNow().Year);
                var result = await services.GetRequiredService<CreateEdition>().ExecuteAsync(
                    newCode, parse.GetRequiredValue(title), parse.GetRequiredValue(theme), editionYear, source, StudyUser.System, ct);
                if (!result.Succeeded)
                {
                    return await RefusedAsync(context, newCode, result);
                }

                await context.Output.WriteLineAsync(string.IsNullOrWhiteSpace(source)
                    ? $"Edition {newCode} created as a draft without a questionnaire (import or build one before opening it)."
                    : $"Edition {newCode} created as a draft with the questionnaire of edition {source.Trim()}.");
                return StudyCli.Success;
            },
            cancellationToken));
        return create;
    }

    private static Command Open(CliContext context, Option<string> edition)
    {
        var deadline = new Option<string?>("--deadline") { Description = "Deadline for the cities, yyyy-MM-dd (UTC day)." };
        var reason = new Option<string?>("--reason") { Description = "Why a closed edition is reopened (needed to reopen)." };
        var open = new Command("open", "Open a draft edition for answers, or reopen a closed one (with --reason).") { edition, deadline, reason };
        open.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var code = parse.GetRequiredValue(edition);
                DateOnly? date = null;
                if (parse.GetValue(deadline) is { } text)
                {
                    if (!TryParseDate(text, out var parsed))
                    {
                        return await BadDateAsync(context, code, "--deadline", text);
                    }

                    date = parsed;
                }

                var current = await FindAsync(services, code, ct);
                if (current is null)
                {
                    return await NotFoundAsync(context, code);
                }

                var action = current.Status == EditionStatus.Closed ? EditionAction.Reopen : EditionAction.Open;
                var why = parse.GetValue(reason);
                if (action == EditionAction.Reopen && string.IsNullOrWhiteSpace(why))
                {
                    await context.Error.WriteLineAsync($"error: edition {code} is closed: reopening it needs a reason (--reason).");
                    return StudyCli.Failure;
                }

                var result = await services.GetRequiredService<ChangeEditionStatus>().ExecuteAsync(code, action, current.Version, StudyUser.System, why, date, ct);
                if (!result.Succeeded)
                {
                    return await RefusedAsync(context, code, result);
                }

                await context.Output.WriteLineAsync(date is { } d
                    ? $"Edition {code} is open for answers; deadline {d.ToString(DateFormat, CultureInfo.InvariantCulture)}."
                    : $"Edition {code} is open for answers.");
                return StudyCli.Success;
            },
            cancellationToken));
        return open;
    }

    private static Command Change(CliContext context, Option<string> edition, string name, string description, EditionAction action, EditionStatus from)
    {
        var command = new Command(name, description) { edition };
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var code = parse.GetRequiredValue(edition);
                var current = await FindAsync(services, code, ct);
                if (current is null)
                {
                    return await NotFoundAsync(context, code);
                }

                if (current.Status != from)
                {
                    await context.Error.WriteLineAsync($"error: edition {code} is {Lower(current.Status)}; only {Lower(from)} editions can be {Past(action)}.");
                    return StudyCli.Failure;
                }

                var preview = action == EditionAction.Publish
                    ? await services.GetRequiredService<PreviewPublication>().ExecuteAsync(code, StudyUser.System, ct)
                    : null;
                var result = await services.GetRequiredService<ChangeEditionStatus>().ExecuteAsync(code, action, current.Version, StudyUser.System, cancellationToken: ct);
                if (!result.Succeeded)
                {
                    return await RefusedAsync(context, code, result);
                }

                await context.Output.WriteLineAsync($"Edition {code} is {Past(action)}.");
                if (preview is not null)
                {
                    await context.Output.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"The figures count {preview.Approved} approved response(s); {preview.WaitingForReview.Count} submitted response(s) waiting for review and {preview.LeftOut.Count - preview.WaitingForReview.Count} other(s) are left out."));
                }

                return StudyCli.Success;
            },
            cancellationToken));
        return command;
    }

    private static Command Unpublish(CliContext context, Option<string> edition)
    {
        var reason = new Option<string?>("--reason") { Description = "Why the published edition is taken back (required; kept in the audit trail)." };
        var unpublish = new Command("unpublish", "Take a published edition back to closed, e.g. to correct it. Needs a reason.") { edition, reason };
        unpublish.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var code = parse.GetRequiredValue(edition);
                var why = parse.GetValue(reason);
                if (string.IsNullOrWhiteSpace(why))
                {
                    await context.Error.WriteLineAsync($"error: unpublishing edition {code} needs a reason (--reason).");
                    return StudyCli.Failure;
                }

                var current = await FindAsync(services, code, ct);
                if (current is null)
                {
                    return await NotFoundAsync(context, code);
                }

                if (current.Status != EditionStatus.Published)
                {
                    await context.Error.WriteLineAsync($"error: edition {code} is {Lower(current.Status)}, not published: there is nothing to unpublish.");
                    return StudyCli.Failure;
                }

                var result = await services.GetRequiredService<ChangeEditionStatus>().ExecuteAsync(code, EditionAction.Reopen, current.Version, StudyUser.System, why.Trim(), cancellationToken: ct);
                if (!result.Succeeded)
                {
                    return await RefusedAsync(context, code, result);
                }

                await context.Output.WriteLineAsync($"Edition {code} is unpublished (closed again); readers no longer see it.");
                return StudyCli.Success;
            },
            cancellationToken));
        return unpublish;
    }

    private static Command SetDeadline(CliContext context, Option<string> edition)
    {
        var date = new Option<string>("--date") { Description = "The new deadline, yyyy-MM-dd (UTC day).", Required = true };
        var setDeadline = new Command("set-deadline", "Set the date by which cities are asked to submit (draft or open editions).") { edition, date };
        setDeadline.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var code = parse.GetRequiredValue(edition);
                var text = parse.GetRequiredValue(date);
                if (!TryParseDate(text, out var parsed))
                {
                    return await BadDateAsync(context, code, "--date", text);
                }

                var current = await FindAsync(services, code, ct);
                if (current is null)
                {
                    return await NotFoundAsync(context, code);
                }

                var result = await services.GetRequiredService<SetEditionDeadline>().ExecuteAsync(code, parsed, current.Version, StudyUser.System, ct);
                if (!result.Succeeded)
                {
                    return await RefusedAsync(context, code, result);
                }

                await context.Output.WriteLineAsync($"Edition {code}: deadline {parsed.ToString(DateFormat, CultureInfo.InvariantCulture)}.");
                return StudyCli.Success;
            },
            cancellationToken));
        return setDeadline;
    }

    private static async Task<EditionSummary?> FindAsync(IServiceProvider services, string code, CancellationToken ct) =>
        (await services.GetRequiredService<ListEditions>().ExecuteAsync(publishedOnly: false, ct)).FirstOrDefault(e => e.Code == code);

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static async Task<int> BadDateAsync(CliContext context, string code, string option, string text)
    {
        await context.Error.WriteLineAsync($"error: edition {code}: {option} '{text}' is not a date in the form yyyy-MM-dd.");
        return StudyCli.Failure;
    }

    private static async Task<int> NotFoundAsync(CliContext context, string code)
    {
        await context.Error.WriteLineAsync($"error: there is no edition '{code}'. `edition list` shows the editions.");
        return StudyCli.Failure;
    }

    /// <summary>The use case's message, made to name the edition when it does not already.</summary>
    private static async Task<int> RefusedAsync(CliContext context, string code, OperationResult result)
    {
        var message = result.Error ?? "the change was refused.";
        await context.Error.WriteLineAsync(message.Contains(code, StringComparison.Ordinal) ? $"error: {message}" : $"error: edition {code}: {message}");
        return StudyCli.Failure;
    }

    private static string Lower(EditionStatus status) => status.ToString().ToLowerInvariant();

    private static string Past(EditionAction action) => action switch
    {
        EditionAction.Close => "closed",
        EditionAction.Publish => "published",
        _ => "opened",
    };
}
