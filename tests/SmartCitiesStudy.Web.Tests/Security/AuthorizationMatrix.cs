using static SmartCitiesStudy.Web.Tests.Security.Outcome;

namespace SmartCitiesStudy.Web.Tests.Security;

/// <summary>
/// THE authorization matrix: every page, API endpoint and form-post endpoint of the portal with what each caller gets.
/// Columns (see <see cref="Caller"/>): anonymous, Bilbao's officer, Porto's officer, reviewer, secretariat, and a
/// Bilbao officer whose account was deactivated after signing in. A test fails for any endpoint without a row here.
/// Placeholders: {bilbao2026} and {porto2026} are the ids of those cities' responses in the open edition,
/// {goodPractice} the public id of a 2017 good practice.
/// </summary>
public static class AuthorizationMatrix
{
    private static readonly Outcome[] Everyone = [Ok, Ok, Ok, Ok, Ok, Ok];
    private static readonly Outcome[] SignedIn = [SignIn, Ok, Ok, Ok, Ok, SignIn];
    private static readonly Outcome[] OfficersOnly = [SignIn, Ok, Ok, Denied, Denied, SignIn];
    private static readonly Outcome[] ReviewersOnly = [SignIn, Denied, Denied, Ok, Ok, SignIn];
    private static readonly Outcome[] SecretariatOnly = [SignIn, Denied, Denied, Denied, Ok, SignIn];
    private static readonly Outcome[] ReviewersSeeUnpublished = [NotFound, NotFound, NotFound, Ok, Ok, NotFound];
    private static readonly Outcome[] NobodyFinds = [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound];
    private static readonly Outcome[] NoToken = [BadRequest, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest];
    private static readonly Outcome[] RedirectsEveryone = [Redirect, Redirect, Redirect, Redirect, Redirect, Redirect];

    public static IReadOnlyList<AuthorizationMatrixRow> Rows { get; } =
    [
        // Public pages and framework-free endpoints.
        Get("/", "/", Everyone),
        Get("/not-found", "/not-found", Everyone),
        Get("/Error", "/Error", Everyone),
        Get("/health", "/health", Everyone),
        Get("/health/ready", "/health/ready", Everyone),
        Get("/culture", "/culture?lang=es&returnUrl=/", RedirectsEveryone),
        Get("/culture", "/culture?lang=xx", [BadRequest, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest]),
        Get("/openapi/{documentName}.json", "/openapi/v1.json", Everyone),
        Get("/scalar/{documentName?}", "/scalar/", Everyone),
        Get("/scalar/scalar.js", "/scalar/scalar.js", Everyone),
        Get("/scalar/scalar.aspnetcore.js", "/scalar/scalar.aspnetcore.js", Everyone),
        Get("/scalar/favicon.svg", "/scalar/favicon.svg", Everyone),

        // Account pages (static SSR) and the forms they post.
        Get("/Account/Login", "/Account/Login", Everyone),
        Get("/Account/AccessDenied", "/Account/AccessDenied", Everyone),
        Get("/Account/ForgotPassword", "/Account/ForgotPassword", Everyone),
        Get("/Account/ForgotPasswordConfirmation", "/Account/ForgotPasswordConfirmation", Everyone),
        Get("/Account/InvalidPasswordReset", "/Account/InvalidPasswordReset", Everyone),
        Get("/Account/InvalidUser", "/Account/InvalidUser", Everyone),
        Get("/Account/Lockout", "/Account/Lockout", Everyone),
        Get("/Account/ResetPassword", "/Account/ResetPassword", RedirectsEveryone),
        Get("/Account/ResetPasswordConfirmation", "/Account/ResetPasswordConfirmation", Everyone),
        Get("/Account/AcceptInvitation", "/Account/AcceptInvitation?token=not-a-token", Everyone),
        Get("/Account/Manage", "/Account/Manage", SignedIn),
        Get("/Account/Manage/ChangePassword", "/Account/Manage/ChangePassword", SignedIn),
        Post("/Account/Login", "/Account/Login", NoToken),
        Post("/Account/ForgotPassword", "/Account/ForgotPassword", NoToken),
        Post("/Account/ResetPassword", "/Account/ResetPassword", NoToken),
        Post("/Account/AcceptInvitation", "/Account/AcceptInvitation?token=not-a-token", NoToken),
        Post("/Account/Manage/ChangePassword", "/Account/Manage/ChangePassword", [SignIn, BadRequest, BadRequest, BadRequest, BadRequest, SignIn]),
        Post("/Account/Manage", "/Account/Manage", [SignIn, BadRequest, BadRequest, BadRequest, BadRequest, SignIn]),
        Post("/Account/Logout", "/Account/Logout", NoToken),

        // Two-factor sign-in (issue 20): the code pages only after the right password, else back to sign-in.
        Get("/Account/LoginWith2fa", "/Account/LoginWith2fa", [SignIn, SignIn, SignIn, SignIn, SignIn, SignIn]),
        Get("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", [SignIn, SignIn, SignIn, SignIn, SignIn, SignIn]),
        Post("/Account/LoginWith2fa", "/Account/LoginWith2fa", NoToken),
        Post("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", NoToken),
        Get("/Account/Manage/TwoFactorAuthentication", "/Account/Manage/TwoFactorAuthentication", SignedIn),
        Get("/Account/Manage/EnableAuthenticator", "/Account/Manage/EnableAuthenticator", SignedIn),
        Get("/Account/Manage/ResetAuthenticator", "/Account/Manage/ResetAuthenticator", SignedIn),
        // Recovery codes only with two-factor on: the others are sent to turn it on first.
        Get("/Account/Manage/GenerateRecoveryCodes", "/Account/Manage/GenerateRecoveryCodes", [SignIn, Redirect, Redirect, Redirect, Redirect, SignIn]),
        Post("/Account/Manage/TwoFactorAuthentication", "/Account/Manage/TwoFactorAuthentication", [SignIn, BadRequest, BadRequest, BadRequest, BadRequest, SignIn]),
        Post("/Account/Manage/EnableAuthenticator", "/Account/Manage/EnableAuthenticator", [SignIn, BadRequest, BadRequest, BadRequest, BadRequest, SignIn]),
        Post("/Account/Manage/ResetAuthenticator", "/Account/Manage/ResetAuthenticator", [SignIn, BadRequest, BadRequest, BadRequest, BadRequest, SignIn]),
        Post("/Account/Manage/GenerateRecoveryCodes", "/Account/Manage/GenerateRecoveryCodes", [SignIn, BadRequest, BadRequest, BadRequest, BadRequest, SignIn]),

        // The portal.
        Get("/portal", "/portal", SignedIn),
        Get("/portal/cities", "/portal/cities", SecretariatOnly),
        Get("/portal/editions", "/portal/editions", SecretariatOnly),
        Get("/portal/people", "/portal/people", SecretariatOnly),
        Get("/portal/outbox", "/portal/outbox", SecretariatOnly),
        Get("/portal/editions/{Code}/preview", "/portal/editions/2026/preview", SecretariatOnly),
        Get("/portal/editions/{Code}/questionnaire", "/portal/editions/2026/questionnaire", SecretariatOnly),
        Get("/portal/editions/{code}/questionnaire.json", "/portal/editions/2026/questionnaire.json", SecretariatOnly),
        Get("/portal/editions/{code}/questionnaire.json", "/portal/editions/1999/questionnaire.json", [SignIn, Denied, Denied, Denied, NotFound, SignIn]),
        Get("/portal/editions/{code}/questionnaire.xlsx", "/portal/editions/2026/questionnaire.xlsx", SecretariatOnly),
        Get("/portal/editions/{code}/questionnaire.xlsx", "/portal/editions/1999/questionnaire.xlsx", [SignIn, Denied, Denied, Denied, NotFound, SignIn]),
        Get("/portal/questionnaire.schema.json", "/portal/questionnaire.schema.json", SecretariatOnly),
        Get("/portal/editions/{Code}/audit", "/portal/editions/2026/audit", ReviewersOnly),
        Get("/portal/editions/{Code}/texts", "/portal/editions/2026/texts", SecretariatOnly),
        Get("/portal/editions/{Code}/dashboard", "/portal/editions/2026/dashboard", ReviewersOnly),
        Get("/portal/editions/{code}/dashboard.csv", "/portal/editions/2026/dashboard.csv", ReviewersOnly),
        Get("/portal/editions/{code}/dashboard.csv", "/portal/editions/1999/dashboard.csv", [SignIn, Denied, Denied, NotFound, NotFound, SignIn]),
        Get("/portal/editions/{Code}/other-answers", "/portal/editions/2017/other-answers", ReviewersOnly),
        Get("/portal/review", "/portal/review", ReviewersOnly),
        Get("/portal/editions/{Code}/call", "/portal/editions/2026/call", SecretariatOnly),
        Get("/portal/editions/{Code}/requests", "/portal/editions/2026/requests", SecretariatOnly),
        Get("/portal/cities/export.csv", "/portal/cities/export.csv", SecretariatOnly),

        // IDOR probes: the review page takes a response id; officers never reach it, not even for their own city.
        Get("/portal/review/{ResponseId:int}", "/portal/review/{bilbao2026}", ReviewersOnly),
        Get("/portal/review/{ResponseId:int}", "/portal/review/{porto2026}", ReviewersOnly),
        Get("/portal/review/{ResponseId:int}", "/portal/review/abc", NobodyFinds),

        // The officer's form and print view take only the edition: each officer gets their own city's response.
        Get("/portal/editions/{Code}/response", "/portal/editions/2026/response", OfficersOnly),
        Get("/portal/editions/{Code}/response/print", "/portal/editions/2026/response/print", OfficersOnly),
        Get("/portal/editions/{Code}/response/print", "/portal/editions/2017/response/print", OfficersOnly),
        // Learn from peers: each officer sees their own city's gaps (a closed edition says so, it is no error).
        Get("/portal/editions/{Code}/learn-from-peers", "/portal/editions/2017/learn-from-peers", OfficersOnly),
        Get("/portal/editions/{Code}/learn-from-peers", "/portal/editions/2026/learn-from-peers", OfficersOnly),

        // Open data API: published editions for everyone, the others only for reviewers and the secretariat.
        Get("/api/v1/editions/", "/api/v1/editions", Everyone),
        Get("/api/v1/editions/{code}/indicators", "/api/v1/editions/2017/indicators", Everyone),
        Get("/api/v1/editions/{code}/indicators", "/api/v1/editions/2026/indicators", ReviewersSeeUnpublished),
        Get("/api/v1/editions/{code}/indicators", "/api/v1/editions/abc%27--/indicators", NobodyFinds),
        Get("/api/v1/editions/{code}/responses.csv", "/api/v1/editions/2017/responses.csv", Everyone),
        Get("/api/v1/editions/{code}/responses.csv", "/api/v1/editions/2026/responses.csv", ReviewersSeeUnpublished),
        Get("/api/v1/editions/{code}/responses.xlsx", "/api/v1/editions/2017/responses.xlsx", Everyone),
        Get("/api/v1/editions/{code}/responses.xlsx", "/api/v1/editions/2026/responses.xlsx", ReviewersSeeUnpublished),
        Get("/api/v1/editions/{code}/package.zip", "/api/v1/editions/2017/package.zip", Everyone),
        Get("/api/v1/editions/{code}/package.zip", "/api/v1/editions/2026/package.zip", NobodyFinds),
        Get("/api/v1/indicators/{id}/trend", "/api/v1/indicators/open_data_portal/trend", Everyone),
        Get("/api/v1/indicators/{id}/trend", "/api/v1/indicators/no_such_question/trend", NobodyFinds),
        Get("/api/v1/editions/{code}/peers/{indicatorId}", "/api/v1/editions/2017/peers/ss_strategy", Everyone),
        Get("/api/v1/editions/{code}/peers/{indicatorId}", "/api/v1/editions/2017/peers/investment_factors?option=innovation_centres", Everyone),
        Get("/api/v1/editions/{code}/peers/{indicatorId}", "/api/v1/editions/2017/peers/no_such_question", NobodyFinds),
        Get("/api/v1/editions/{code}/peers/{indicatorId}", "/api/v1/editions/2026/peers/ss_strategy", ReviewersSeeUnpublished),
        Get("/api/v1/trends", "/api/v1/trends", Everyone),
        Get("/api/v1/factors", "/api/v1/factors", Everyone),

        // Public reading pages and downloads: anyone for a published edition, nobody else is told an unpublished one exists.
        Get("/trends", "/trends", Everyone),
        Get("/factors", "/factors", Everyone),
        Get("/editions/{code}", "/editions/2017", Everyone),
        Get("/editions/{code}", "/editions/2026", NobodyFinds),
        Get("/editions/{code}/indicators", "/editions/2017/indicators", Everyone),
        Get("/editions/{code}/indicators", "/editions/2026/indicators", NobodyFinds),
        Get("/editions/{code}/indicators/{id}/peers", "/editions/2017/indicators/ss_strategy/peers", Everyone),
        Get("/editions/{code}/indicators/{id}/peers", "/editions/2017/indicators/investment_factors/peers?option=nope", NobodyFinds),
        Get("/editions/{code}/indicators/{id}/peers", "/editions/2026/indicators/ss_strategy/peers", NobodyFinds),
        Get("/editions/{code}/good-practices", "/editions/2017/good-practices", Everyone),
        Get("/editions/{code}/good-practices", "/editions/2026/good-practices", NobodyFinds),
        Get("/editions/{code}/conclusions", "/editions/2017/conclusions", Everyone),
        Get("/editions/{code}/conclusions", "/editions/2026/conclusions", NobodyFinds),
        // An open edition's public form for a city to ask to take part; other editions have none.
        Get("/editions/{Code}/take-part", "/editions/2026/take-part", Everyone),
        Get("/editions/{Code}/take-part", "/editions/2017/take-part", NobodyFinds),
        Post("/editions/{Code}/take-part", "/editions/2026/take-part", NoToken),
        Get("/good-practices/{id}", "/good-practices/{goodPractice}", Everyone),
        Get("/good-practices/{id}", "/good-practices/2026-bilbao-nothing", NobodyFinds),
        Get("/cities/{slug}", "/cities/bilbao", Everyone),
        Get("/cities/{slug}", "/cities/no-such-city", NobodyFinds),
        Get("/editions/{code}/report.pdf", "/editions/2017/report.pdf", Everyone),
        Get("/editions/{code}/report.pdf", "/editions/2026/report.pdf", ReviewersSeeUnpublished),
        Get("/editions/{code}/cities/{slug}/factsheet.pdf", "/editions/2017/cities/bilbao/factsheet.pdf", Everyone),
        // No original publication is attached in this database (OriginalPublicationTests serve one to everyone).
        Get("/editions/{code}/original.pdf", "/editions/2017/original.pdf?lang=en", NobodyFinds),
        // Bilbao's 2026 response is a draft: a factsheet exists only for a city whose response is approved.
        Get("/editions/{code}/cities/{slug}/factsheet.pdf", "/editions/2026/cities/bilbao/factsheet.pdf", NobodyFinds),
    ];

    private static AuthorizationMatrixRow Get(string pattern, string url, Outcome[] expected, bool pending = false) =>
        new("GET", pattern, url, expected, pending);

    private static AuthorizationMatrixRow Post(string pattern, string url, Outcome[] expected) =>
        new("POST", pattern, url, expected);
}
