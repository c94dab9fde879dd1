using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace FaceJobs.Testing;

/// <summary>Posts the app's forms as a browser does: antiforgery token from the page, cookie kept, files as multipart.</summary>
public static partial class FormClient
{
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string pageUrl, IEnumerable<(string Name, string Value)> fields, IEnumerable<(string FileName, byte[] Content)> files,
        string? handler = null, string? target = null)
    {
        using var form = await client.LoadFormAsync(pageUrl, fields, files);
        return await client.PostAsync(target ?? FormTarget(pageUrl, handler), form);
    }

    /// <summary>
    /// Loads <paramref name="pageUrl"/> for its antiforgery token and fills in the form, without posting it (so a
    /// benchmark can time the POST alone).
    /// </summary>
    public static async Task<MultipartFormDataContent> LoadFormAsync(
        this HttpClient client, string pageUrl, IEnumerable<(string Name, string Value)> fields, IEnumerable<(string FileName, byte[] Content)> files)
    {
        var page = await client.GetStringAsync(pageUrl);
        var token = TokenPattern().Match(page);
        if (!token.Success)
            throw new InvalidOperationException($"No antiforgery token on {pageUrl}.");

        var form = new MultipartFormDataContent
        {
            { new StringContent(token.Groups[1].Value), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        foreach (var (fileName, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "Files", fileName);
        }

        return form;
    }

    private static string FormTarget(string pageUrl, string? handler) => handler is null ? pageUrl : $"{pageUrl}?handler={handler}";

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, params (string FileName, byte[] Content)[] files) =>
        client.PostFormAsync("/", [], files);

    public static (string, byte[]) FileAt(string path) => (Path.GetFileName(path), File.ReadAllBytes(path));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
