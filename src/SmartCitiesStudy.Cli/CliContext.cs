using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Domain.Common;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Cli;

/// <summary>What every command gets: the output streams and a way to run work with services and clear errors.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? overrides)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>
    /// Runs <paramref name="work"/> in a service scope. Known failures (bad settings, unreachable database, refused
    /// domain rules) become one "error: …" line and exit code 1, never a stack trace.
    /// </summary>
    public async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var services = CliServices.Build(Error, overrides);
            await using var scope = services.CreateAsyncScope();
            return await work(scope.ServiceProvider, cancellationToken);
        }
        catch (DatabaseConfigurationException ex)
        {
            await Error.WriteLineAsync($"error: {ex.Message}");
            return StudyCli.Failure;
        }
        catch (DomainRuleException ex)
        {
            await Error.WriteLineAsync($"error: {ex.Message}");
            return StudyCli.Failure;
        }
        catch (System.Data.Common.DbException ex)
        {
            // Typically a database that was never migrated ("no such table", "relation does not exist").
            await Error.WriteLineAsync($"error: the database refused the command ({ex.Message.Trim()}). If it is new, run `db migrate` first.");
            return StudyCli.Failure;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await Error.WriteLineAsync($"error: {ex.Message}");
            return StudyCli.Failure;
        }
    }
}
