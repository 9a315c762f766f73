namespace SmartCitiesStudy.Web.Features.Outbox;

/// <summary>
/// Pages that exist only in Development (the outbox, which shows invitation links): elsewhere they answer 404
/// before authentication, so they do not even reveal that they exist.
/// </summary>
public static class DevelopmentOnlyPages
{
    public const string OutboxPath = "/portal/outbox";

    public static IApplicationBuilder UseDevelopmentOnlyPages(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return app;
        }

        return app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(OutboxPath, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
    }
}
