namespace FaceJobs.Web.Api;

/// <summary>The <c>page</c> and <c>pageSize</c> query parameters of the API's lists.</summary>
public static class ApiPaging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>The page's offset and size, or a validation problem naming the bad parameter.</summary>
    public static (int Page, int PageSize, IResult? Problem) Read(int? page, int? pageSize)
    {
        var (number, size) = (page ?? 1, pageSize ?? DefaultPageSize);
        if (number < 1)
            return (0, 0, ApiProblems.Invalid("page", "Pages are numbered from 1."));
        if (size is < 1 or > MaxPageSize)
            return (0, 0, ApiProblems.Invalid("pageSize", $"A page holds 1 to {MaxPageSize} items."));
        return (number, size, null);
    }

    public static int Offset(int page, int pageSize) => (page - 1) * pageSize;
}
