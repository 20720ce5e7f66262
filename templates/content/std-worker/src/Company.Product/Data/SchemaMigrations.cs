using Npgsql;

namespace CompanyProduct.Data;

/// <summary>
/// The schema migrations, in the order they are applied. Append-only: never edit one that was released; add the next
/// number. Each one's SQL is a constant here, passed straight to its command, so the analyzers see that it is this
/// code's own SQL and never input (CA2100, a locked security rule, holds without a suppression).
/// </summary>
public static class SchemaMigrations
{
    /// <summary>Gets every migration, by version.</summary>
    public static IReadOnlyList<Migration> All { get; } = SchemaMigrator.Validate(
    [
        new(1, "create_messaging_tables", connection => new NpgsqlCommand(CreateMessagingTables, connection)),
        new(2, "add_message_lease", connection => new NpgsqlCommand(AddMessageLease, connection)),
        new(3, "create_work_results", connection => new NpgsqlCommand(CreateWorkResults, connection)),
    ]);

    // Migration 1: the queue, the processed-message records and the dead letters.
    private const string CreateMessagingTables = """
        -- The queue: a row is a message waiting (visible_at <= now()) or being processed (visible_at in the future, the
        -- lease of the consumer that took it: if that consumer dies, the message becomes visible again).
        CREATE TABLE messages (
            seq         bigserial   PRIMARY KEY,
            message_id  text        NOT NULL,
            type        text        NOT NULL,
            body        text        NOT NULL,
            headers     jsonb       NOT NULL DEFAULT '{}'::jsonb,
            enqueued_at timestamptz NOT NULL DEFAULT now(),
            visible_at  timestamptz NOT NULL DEFAULT now(),
            deliveries  integer     NOT NULL DEFAULT 0
        );

        CREATE INDEX messages_visible ON messages (visible_at, seq);

        -- Idempotency: one row per message id, claimed while processing, completed once done (kept for the retention).
        CREATE TABLE processed_messages (
            message_id    text        PRIMARY KEY,
            claimed_until timestamptz NULL,
            completed_at  timestamptz NULL
        );

        CREATE INDEX processed_messages_completed ON processed_messages (completed_at);

        -- Messages that failed permanently or ran out of attempts, for inspection and replay.
        CREATE TABLE dead_letters (
            id            bigserial   PRIMARY KEY,
            message_id    text        NOT NULL,
            type          text        NOT NULL,
            body          text        NOT NULL,
            headers       jsonb       NOT NULL,
            attempts      integer     NOT NULL,
            failed_at     timestamptz NOT NULL,
            error_type    text        NOT NULL,
            error_message text        NOT NULL
        );
        """;

    // Migration 2: the id of the current lease of a taken message; renewing, acknowledging and abandoning need it.
    private const string AddMessageLease = """
        ALTER TABLE messages ADD COLUMN lease uuid NULL;
        """;

    // Migration 3: the sample handler's side effect, one row per idempotency key (the message id).
    private const string CreateWorkResults = """
        CREATE TABLE work_results (
            idempotency_key text        PRIMARY KEY,
            description     text        NOT NULL,
            done_at         timestamptz NOT NULL DEFAULT now()
        );
        """;
}
