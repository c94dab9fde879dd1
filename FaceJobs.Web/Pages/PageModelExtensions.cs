using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaceJobs.Web.Pages;

public static class PageModelExtensions
{
    /// <summary>The page again, with its refusals shown, as 422 Unprocessable Entity: the form was read but not accepted.</summary>
    public static PageResult UnprocessablePage(this PageModel model)
    {
        var page = model.Page();
        model.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }
}
