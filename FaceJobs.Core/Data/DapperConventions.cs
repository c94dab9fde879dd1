using System.Data;
using System.Globalization;
using Dapper;

namespace FaceJobs.Core.Data;

/// <summary>Process-wide Dapper settings the repositories rely on; applying them twice is harmless.</summary>
internal static class DapperConventions
{
    private static int _applied;

    public static void Apply()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new UtcDateTimeHandler());
    }

    /// <summary>
    /// Every stored time is UTC: SQLite hands back ISO-8601 text and SQL Server a datetime2 of unspecified kind,
    /// and both must come out as <see cref="DateTimeKind.Utc"/>.
    /// </summary>
    private sealed class UtcDateTimeHandler : SqlMapper.TypeHandler<DateTime>
    {
        // No statement takes a time parameter: every stored time comes from the database clock.
        public override void SetValue(IDbDataParameter parameter, DateTime value)
        {
            parameter.Value = value;
        }

        public override DateTime Parse(object value) => value switch
        {
            DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
            string text => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            _ => throw new DataException($"Cannot read a time from a {value.GetType().Name}."),
        };
    }
}
