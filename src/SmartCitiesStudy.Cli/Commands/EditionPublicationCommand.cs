using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Application.Security;

namespace SmartCitiesStudy.Cli.Commands;

/// <summary><c>edition attach-publication --edition CODE --lang en|es|fr --file F.pdf</c>.</summary>
internal static class EditionPublicationCommand
{
    public static Command Create(CliContext context)
    {
        var edition = new Option<string>("--edition") { Description = "Edition code, e.g. 2017.", Required = true };
        var lang = new Option<string>("--lang") { Description = "Language of the publication: en, es or fr.", Required = true };
        var file = new Option<FileInfo>("--file") { Description = $"The original PDF of the edition's study (at most {AttachOriginalPublication.MaxFileBytes / 1024 / 1024} MiB).", Required = true };
        var command = new Command("attach-publication", "Attach the original PDF of an edition's study in one language; readers can download it. Replaces the one attached before.") { edition, lang, file };
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var path = parse.GetRequiredValue(file);
                if (!path.Exists)
                {
                    await context.Error.WriteLineAsync($"error: {path.FullName} does not exist.");
                    return StudyCli.Failure;
                }

                if (path.Length > AttachOriginalPublication.MaxFileBytes)
                {
                    await context.Error.WriteLineAsync($"error: {path.Name} is larger than {AttachOriginalPublication.MaxFileBytes / 1024 / 1024} MiB. Nothing was stored.");
                    return StudyCli.Failure;
                }

                var code = parse.GetRequiredValue(edition);
                var language = parse.GetRequiredValue(lang);
                var content = await File.ReadAllBytesAsync(path.FullName, ct);
                var outcome = await services.GetRequiredService<AttachOriginalPublication>().ExecuteAsync(code, language, content, StudyUser.System, ct);
                if (!outcome.Succeeded)
                {
                    await context.Error.WriteLineAsync($"error: {path.Name}: {outcome.Error} Nothing was stored.");
                    return StudyCli.Failure;
                }

                await context.Output.WriteLineAsync($"Attached {path.Name} ({content.Length / 1024} KiB) as the original {language.Trim().ToLowerInvariant()} publication of edition {code}.");
                return StudyCli.Success;
            },
            cancellationToken));
        return command;
    }
}
