-- Hangfire queues paused from the Queues page: while a queue's row exists, no worker process takes its jobs.
CREATE TABLE dbo.queue_pauses (
    queue_name    nvarchar(100) NOT NULL CONSTRAINT pk_queue_pauses PRIMARY KEY,
    paused_by     nvarchar(200) NOT NULL,
    paused_at_utc datetime2(3)  NOT NULL CONSTRAINT df_queue_pauses_paused_at DEFAULT SYSUTCDATETIME()
);
