-- Hangfire queues paused from the Queues page: while a queue's row exists, no worker process takes its jobs.
CREATE TABLE queue_pauses (
    queue_name    TEXT NOT NULL PRIMARY KEY,
    paused_by     TEXT NOT NULL,
    paused_at_utc TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
