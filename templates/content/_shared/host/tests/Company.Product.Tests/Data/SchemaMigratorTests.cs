using System.Reflection;
using CompanyProduct.Data;
using CompanyProduct.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CompanyProduct.Tests.Data;

public sealed class SchemaMigratorTests
{
    [Fact]
    public void The_embedded_migrations_are_numbered_from_one_without_gaps()
    {
        IReadOnlyList<Migration> migrations = SchemaMigrator.Migrations;

        Assert.NotEmpty(migrations);
        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
        Assert.All(migrations, m => Assert.False(string.IsNullOrWhiteSpace(m.Sql)));
    }

    [Fact]
    public void An_assembly_without_migrations_has_none() =>
        Assert.Empty(SchemaMigrator.Load(typeof(object).Assembly));

    [PostgresFact]
    public async Task Applies_each_migration_once_even_when_instances_start_together()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync();
        var first = new SchemaMigrator(database.DataSource, NullLogger<SchemaMigrator>.Instance);
        var second = new SchemaMigrator(database.DataSource, NullLogger<SchemaMigrator>.Instance);

        int[] applied = await Task.WhenAll(first.MigrateAsync(CancellationToken.None), second.MigrateAsync(CancellationToken.None));

        Assert.Equal(SchemaMigrator.Migrations.Count, applied.Sum());
        Assert.Equal(0, await first.MigrateAsync(CancellationToken.None));
        await using NpgsqlCommand count = database.DataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
        Assert.Equal((long)SchemaMigrator.Migrations.Count, await count.ExecuteScalarAsync());
    }

    [Fact]
    public void Loading_rejects_two_migrations_with_one_version()
    {
        var assembly = new DuplicateMigrations();

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => SchemaMigrator.Load(assembly));
        Assert.Contains("0001", error.Message.Replace(" 1:", " 0001:", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private sealed class DuplicateMigrations : Assembly
    {
        public override string[] GetManifestResourceNames() => ["Migrations/0001_a.sql", "Migrations/0001_b.sql", "other.txt"];

        public override Stream? GetManifestResourceStream(string name) => new MemoryStream("SELECT 1"u8.ToArray());
    }
}
