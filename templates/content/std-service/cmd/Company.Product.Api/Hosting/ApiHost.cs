using CompanyProduct.Api.Health;
using CompanyProduct.Api.Items;
//#if (hasDatabase)
using CompanyProduct.Api.Data;
//#endif

namespace CompanyProduct.Api.Hosting;

/// <summary>Composes the application: services, middleware and endpoints.</summary>
public static class ApiHost
{
    /// <summary>Builds the application.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="configure">Optional changes to the builder before the services are added (tests use it).</param>
    /// <returns>The application, ready to run.</returns>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddServiceDefaults();
        IHealthChecksBuilder readiness = builder.Services.AddReadinessChecks();
//#if (hasDatabase)
        builder.Services.AddDatabase(builder.Configuration, readiness);
//#endif
        builder.Services.AddItemsFeature(builder.Configuration, readiness);
        builder.Services.AddDownstreamClient(builder.Configuration, readiness);

        WebApplication app = builder.Build();
        app.UseServiceDefaults();
        app.MapHealthEndpoints();
        app.MapApiDocument();
        app.MapItemsEndpoints();
        return app;
    }
}
