using System.Reflection;

namespace FaceJobs.Core.Data.Sql;

/// <summary>
/// Every statement the data layer runs, in one dialect: each member is the public const of the same name in the
/// dialect's class (<see cref="SqliteSql"/>, <see cref="SqlServerSql"/>) or, when both write it alike, in
/// <see cref="PortableSql"/>. A statement missing, or defined twice, fails on first use and in the unit tests.
/// </summary>
public sealed class SqlStatements
{
    private SqlStatements()
    {
    }

    internal static SqlStatements FromConstants(Type sqlClass)
    {
        var statements = new SqlStatements();
        var missing = new List<string>();
        foreach (var property in typeof(SqlStatements).GetProperties())
        {
            var candidates = new[] { sqlClass, typeof(PortableSql) }
                .Select(source => source.GetField(property.Name, BindingFlags.Public | BindingFlags.Static))
                .Where(constant => constant is { IsLiteral: true } && constant.FieldType == typeof(string))
                .ToArray();
            if (candidates.Length == 1)
            {
                property.SetValue(statements, candidates[0]!.GetRawConstantValue());
            }
            else
            {
                missing.Add(property.Name);
            }
        }

        return missing.Count == 0
            ? statements
            : throw new InvalidOperationException(
                $"Each statement must be a const string in exactly one of {sqlClass.Name} and {nameof(PortableSql)}: {string.Join(", ", missing)}.");
    }

    public string BeginMigration { get; private init; } = "";
    public string SelectAppliedMigrations { get; private init; } = "";
    public string InsertMigration { get; private init; } = "";

    public string InsertContentIfMissing { get; private init; } = "";
    public string InsertPhoto { get; private init; } = "";
    public string SelectPhotoByHash { get; private init; } = "";
    public string SelectPhotoById { get; private init; } = "";
    public string SelectPhotosPage { get; private init; } = "";
    public string CountPhotos { get; private init; } = "";
    public string SelectPhotoContent { get; private init; } = "";
    public string UpdatePhotoJobIds { get; private init; } = "";
    public string UpdatePhotoStageStatus { get; private init; } = "";
    public string SelectPhotoIdsWithEmbeddings { get; private init; } = "";
    public string SelectPhotosWaitingForNextStage { get; private init; } = "";

    public string DeleteMatchesOfPhoto { get; private init; } = "";
    public string DeleteFacesOfPhoto { get; private init; } = "";
    public string InsertFace { get; private init; } = "";
    public string UpdatePhotoFaceCount { get; private init; } = "";
    public string SelectFacesOfPhoto { get; private init; } = "";
    public string UpdateFaceEmbedding { get; private init; } = "";
    public string SelectFaceEmbeddingsOfPhoto { get; private init; } = "";
    public string SelectFaceThumbnail { get; private init; } = "";

    public string InsertMatch { get; private init; } = "";
    public string InsertMatchIfMissing { get; private init; } = "";
    public string SelectMatchesOfPhoto { get; private init; } = "";
    public string SelectRecentMatchesPage { get; private init; } = "";

    public string InsertPerson { get; private init; } = "";
    public string SelectPerson { get; private init; } = "";
    public string SelectPeople { get; private init; } = "";
    public string DeletePerson { get; private init; } = "";
    public string InsertReference { get; private init; } = "";
    public string SelectReference { get; private init; } = "";
    public string SelectReferencesOfPerson { get; private init; } = "";
    public string SelectReferenceContent { get; private init; } = "";
    public string SelectReferenceThumbnail { get; private init; } = "";
    public string UpdateReferenceJobId { get; private init; } = "";
    public string UpdateReferenceEnrolled { get; private init; } = "";
    public string UpdateReferenceStatus { get; private init; } = "";
    public string SelectReferenceEmbeddings { get; private init; } = "";

    public string SelectUnsentMatchesOfPhoto { get; private init; } = "";
    public string UpsertAlertSent { get; private init; } = "";
    public string UpsertAlertFailed { get; private init; } = "";
    public string SelectAlertDeliveriesPage { get; private init; } = "";
    public string SelectAlertDeliveriesOfPhoto { get; private init; } = "";
}
