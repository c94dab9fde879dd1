using System.Diagnostics;
using FaceJobs.Testing;

namespace FaceJobs.PipelineBenchmark;

/// <summary>Times what a person waits for: a page load, or posting a form (the POST alone, not loading the form first).</summary>
internal sealed class PageTimer(HttpClient http)
{
    public async Task<long> AddPersonAsync(string name, string referencePath) =>
        (await PostAsync("/People", [("Name", name), ("RecheckEarlierPhotos", "false")], FormClient.FileAt(referencePath))).Id;

    public Task<(long Id, double PostMilliseconds)> UploadAsync(string fileName, byte[] content) => PostAsync("/", [], (fileName, content));

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
        using var response = await http.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        return clock.Elapsed.TotalMilliseconds;
    }

    private async Task<(long Id, double PostMilliseconds)> PostAsync(string page, (string, string)[] fields, (string FileName, byte[] Content) file)
    {
        using var form = await http.LoadFormAsync(page, fields, [file]);
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync(page, form);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var location = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"POST {page} answered {(int)response.StatusCode}, not a redirect.");
        return (long.Parse(location.Split('/').Last()), elapsed);
    }
}
