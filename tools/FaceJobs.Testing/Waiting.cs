namespace FaceJobs.Testing;

public static class Waiting
{
    /// <summary>Polls until <paramref name="condition"/> returns a value, failing the test with <paramref name="what"/> on timeout.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> condition, TimeSpan timeout, string what) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition() is { } value)
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
