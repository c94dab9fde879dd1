using FaceJobs.Core.Data.Repositories;

namespace FaceJobs.Web.Api;

/// <summary><c>/api/v1/alerts</c>: the alert deliveries, one per matched face and person, newest first.</summary>
public static class AlertEndpoints
{
    public static void MapAlertEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", ListAsync)
            .WithTags("Alerts")
            .Produces<ApiPage<AlertSummary>>()
            .ProducesValidationProblem()
            .WithSummary("Alerts sent (or failing) for watchlist matches, newest first.");
    }

    private static async Task<IResult> ListAsync(int? page, int? pageSize, IAlertRepository alerts, CancellationToken cancellationToken)
    {
        var (number, size, problem) = ApiPaging.Read(page, pageSize);
        if (problem is not null)
            return problem;

        // One more than a page tells whether another page follows, without counting every row.
        var rows = await alerts.ListAsync(ApiPaging.Offset(number, size), size + 1, cancellationToken);
        var items = rows.Take(size).Select(AlertSummary.Of).ToArray();
        return Results.Ok(new ApiPage<AlertSummary>(items, number, size, rows.Count > size ? number + 1 : null));
    }
}
