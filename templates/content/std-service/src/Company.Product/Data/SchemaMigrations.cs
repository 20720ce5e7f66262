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
        new(1, "create_items", connection => new NpgsqlCommand(CreateItems, connection)),
    ]);

    // Migration 1: the items table of the sample resource.
    private const string CreateItems = """
        -- The sample resource. Lists are ordered by (created_at, id): keyset pagination (ItemCursor).
        CREATE TABLE items (
            id          uuid        PRIMARY KEY,
            name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
            description text        NULL CHECK (length(description) <= 1000),
            created_at  timestamptz NOT NULL
        );

        CREATE INDEX items_list_order ON items (created_at, id);
        """;
}
