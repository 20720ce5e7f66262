using CompanyProduct.Data;
using CompanyProduct.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CompanyProduct.Tests.Data;

public sealed class SchemaMigratorTests
{
    [Fact]
    public void The_migrations_are_numbered_from_one_without_gaps_and_each_has_sql()
    {
        IReadOnlyList<Migration> migrations = SchemaMigrator.Migrations;

        Assert.NotEmpty(migrations);
        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
        Assert.All(migrations, m =>
        {
            using NpgsqlCommand command = m.CreateCommand(null);
            Assert.False(string.IsNullOrWhiteSpace(command.CommandText));
        });
    }

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

    [Theory]
    [InlineData(new[] { 1, 1 })]
    [InlineData(new[] { 1, 3 })]
    [InlineData(new[] { 2, 1 })]
    [InlineData(new[] { 0 })]
    public void A_list_with_a_repeated_missing_or_misplaced_version_is_rejected(int[] versions)
    {
        Migration[] migrations = [.. versions.Select(v => new Migration(v, "m" + v, connection => new NpgsqlCommand("SELECT 1", connection)))];

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => SchemaMigrator.Validate(migrations));
        Assert.Contains("without gaps or repeats", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_list_is_valid() => Assert.Empty(SchemaMigrator.Validate([]));
}
