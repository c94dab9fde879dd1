using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace FaceJobs.Tests.Integration.Data;

/// <summary>The data layer as the web host wires it: options, connection factory, repositories, start-up migration.</summary>
public sealed class DataRegistrationTests : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "facejobs-tests", Guid.NewGuid().ToString("N"));

    public DataRegistrationTests() => Directory.CreateDirectory(_contentRoot);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_contentRoot, recursive: true);
    }

    [Fact]
    public async Task MigrateAsync_CreatesDefaultSqliteFileUnderContentRoot_WhenNoConnectionStringConfigured()
    {
        using var host = BuildHost(new Dictionary<string, string?>());

        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await host.StartAsync();
        var photos = host.Services.GetRequiredService<IPhotoRepository>();
        await photos.AddAsync(new NewPhoto("abc", "a.jpg", "image/jpeg", 1, 1, 3), [1, 2, 3]);

        Assert.True(File.Exists(Path.Combine(_contentRoot, "App_Data", "facejobs.db")));
        Assert.Equal(1, await photos.CountAsync());
        await host.StopAsync();
    }

    [Fact]
    public void ConnectionString_PrefersStorageSection_OverConnectionStrings()
    {
        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "Data Source=data/storage.db",
            ["ConnectionStrings:FaceJobs"] = "Data Source=data/fallback.db",
        });

        var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(Path.Combine(_contentRoot, "data", "storage.db"), new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
    }

    [Fact]
    public void ConnectionString_FallsBackToConnectionStringsFaceJobs_WhenStorageSectionHasNone()
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["ConnectionStrings:FaceJobs"] = "Data Source=data/fallback.db" });

        var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(Path.Combine(_contentRoot, "data", "fallback.db"), new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
    }

    [Fact]
    public async Task StartAsync_FailsValidation_WhenSqlServerHasNoConnectionString()
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Storage:Provider"] = "SqlServer" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(nameof(StorageOptions.ConnectionString), error.Message);
    }

    private IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _contentRoot, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddFaceJobsData(builder.Configuration);
        return builder.Build();
    }
}
