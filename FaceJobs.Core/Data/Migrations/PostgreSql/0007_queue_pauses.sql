-- Hangfire queues paused from the Queues page: while a queue's row exists, no worker process takes its jobs.
CREATE TABLE queue_pauses (
    queue_name    text        NOT NULL PRIMARY KEY,
    paused_by     text        NOT NULL,
    paused_at_utc timestamptz NOT NULL DEFAULT now()
);
