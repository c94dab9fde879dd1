using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaceJobs.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Message { get; private set; } = "The request failed; nothing you uploaded was lost. Try again in a moment.";

    public void OnGet() => Describe(Code);

    public void OnPost() => Describe(Code);

    // Read by hand, not model-bound: binding would read the body of a re-executed POST, the very thing that failed
    // when the code is 413.
    private int? Code => int.TryParse(Request.Query["code"], out var code) ? code : null;

    private void Describe(int? code)
    {
        switch (code)
        {
            case StatusCodes.Status404NotFound:
                Title = "Not found";
                Message = "There is nothing at this address.";
                break;
            case StatusCodes.Status413PayloadTooLarge:
                Title = "Upload too large";
                Message = "The upload as a whole is larger than this server accepts; send fewer or smaller photos at once.";
                break;
            case StatusCodes.Status401Unauthorized:
                Title = "Sign-in needed";
                Message = "Sign in to see this.";
                break;
            case StatusCodes.Status403Forbidden:
                Title = "Not allowed";
                Message = "Your role does not allow this.";
                break;
            case StatusCodes.Status429TooManyRequests:
                Title = "Too many attempts";
                Message = "Too many requests from your address in a short time; wait a minute and try again.";
                break;
            case StatusCodes.Status503ServiceUnavailable:
                Title = "Busy";
                Message = "The server is busy with other uploads; nothing was stored. Try again in a moment.";
                break;
            case StatusCodes.Status400BadRequest:
                Title = "Bad request";
                Message = "The form could not be read (it may have expired); reload the page and try again.";
                break;
        }
    }
}
