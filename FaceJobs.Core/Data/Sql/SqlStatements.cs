namespace FaceJobs.Core.Data.Sql;

/// <summary>
/// Every statement the data layer runs, in one dialect. Each dialect class fills every member from a const of the
/// same name, so a query added here cannot be forgotten in either dialect (it would not compile).
/// </summary>
public sealed class SqlStatements
{
    public required string BeginMigration { get; init; }
    public required string SelectAppliedMigrations { get; init; }
    public required string InsertMigration { get; init; }

    public required string InsertContentIfMissing { get; init; }
    public required string InsertPhoto { get; init; }
    public required string SelectPhotoByHash { get; init; }
    public required string SelectPhotoById { get; init; }
    public required string SelectPhotosPage { get; init; }
    public required string CountPhotos { get; init; }
    public required string SelectPhotoContent { get; init; }
    public required string UpdatePhotoJobIds { get; init; }
    public required string UpdatePhotoStageStatus { get; init; }
    public required string SelectPhotoIdsWithEmbeddings { get; init; }

    public required string DeleteMatchesOfPhoto { get; init; }
    public required string DeleteFacesOfPhoto { get; init; }
    public required string InsertFace { get; init; }
    public required string UpdatePhotoFaceCount { get; init; }
    public required string SelectFacesOfPhoto { get; init; }
    public required string UpdateFaceEmbedding { get; init; }
    public required string SelectFaceEmbeddingsOfPhoto { get; init; }
    public required string SelectFaceThumbnail { get; init; }

    public required string InsertMatch { get; init; }
    public required string InsertMatchIfMissing { get; init; }
    public required string SelectMatchesOfPhoto { get; init; }
    public required string SelectRecentMatchesPage { get; init; }

    public required string InsertPerson { get; init; }
    public required string SelectPerson { get; init; }
    public required string SelectPeople { get; init; }
    public required string DeletePerson { get; init; }
    public required string InsertReference { get; init; }
    public required string SelectReference { get; init; }
    public required string SelectReferencesOfPerson { get; init; }
    public required string SelectReferenceContent { get; init; }
    public required string SelectReferenceThumbnail { get; init; }
    public required string UpdateReferenceJobId { get; init; }
    public required string UpdateReferenceEnrolled { get; init; }
    public required string UpdateReferenceStatus { get; init; }
    public required string SelectReferenceEmbeddings { get; init; }

    public required string SelectUnsentMatchesOfPhoto { get; init; }
    public required string UpsertAlertSent { get; init; }
    public required string UpsertAlertFailed { get; init; }
    public required string SelectAlertDeliveriesPage { get; init; }
    public required string SelectAlertDeliveriesOfPhoto { get; init; }
}
