using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace FaceJobs.PipelineBenchmark;

/// <summary>Posts the app's forms as a browser does (antiforgery token and cookie) and times page loads.</summary>
internal sealed partial class BrowserLikeClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = baseAddress };

    public async Task<long> AddPersonAsync(string name, string referencePath) =>
        (await PostAsync("/People", [("Name", name), ("RecheckEarlierPhotos", "false")], Path.GetFileName(referencePath), await File.ReadAllBytesAsync(referencePath))).Id;

    /// <summary>Uploads one photo; the time covers the POST alone, not loading the form before it.</summary>
    public Task<(long Id, double PostMilliseconds)> UploadAsync(string fileName, byte[] content) => PostAsync("/", [], fileName, content);

    public async Task<List<double>> MeasurePageAsync(string path, int count)
    {
        var times = new List<double>();
        for (var i = 0; i < count; i++)
            times.Add(await TimeGetAsync(path));
        return times;
    }

    public async Task<List<double>> MeasurePageWhileAsync(string path, Func<bool> condition)
    {
        var times = new List<double>();
        while (condition())
        {
            times.Add(await TimeGetAsync(path));
            await Task.Delay(20);
        }

        return times;
    }

    private async Task<double> TimeGetAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await _http.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        return clock.Elapsed.TotalMilliseconds;
    }

    private async Task<(long Id, double PostMilliseconds)> PostAsync(string page, (string, string)[] fields, string fileName, byte[] content)
    {
        var html = await _http.GetStringAsync(page);
        var token = TokenPattern().Match(html).Groups[1].Value;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "Files", fileName);
        var clock = Stopwatch.StartNew();
        using var response = await _http.PostAsync(page, form);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var location = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"POST {page} answered {(int)response.StatusCode}, not a redirect.");
        return (long.Parse(location.Split('/').Last()), elapsed);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
