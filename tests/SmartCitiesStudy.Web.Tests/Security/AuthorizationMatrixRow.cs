namespace SmartCitiesStudy.Web.Tests.Security;

/// <summary>What a caller gets from one request.</summary>
public enum Outcome
{
    /// <summary>200.</summary>
    Ok,

    /// <summary>302 to the sign-in page.</summary>
    SignIn,

    /// <summary>302 to the access-denied page, or 403.</summary>
    Denied,

    /// <summary>404.</summary>
    NotFound,

    /// <summary>400 (e.g. a form posted without its antiforgery token).</summary>
    BadRequest,

    /// <summary>302 to a page other than sign-in or access denied.</summary>
    Redirect,
}

/// <summary>The callers of the matrix, in column order.</summary>
public enum Caller
{
    Anonymous,
    OfficerBilbao,
    OfficerPorto,
    Reviewer,
    Secretariat,
    Deactivated,
}

/// <summary>
/// One row of the authorization matrix: a request (method, URL with <c>{placeholders}</c> for demo values looked up at
/// run time) to the endpoint with route <paramref name="Pattern"/>, and the outcome for each <see cref="Caller"/>.
/// <paramref name="Pending"/> rows are for routes other branches add: tested as soon as the route exists.
/// </summary>
public sealed record AuthorizationMatrixRow(
    string Method,
    string Pattern,
    string Url,
    Outcome[] Expected,
    bool Pending = false)
{
    public Outcome For(Caller caller) => Expected[(int)caller];

    public override string ToString() => $"{Method} {Url}";
}
