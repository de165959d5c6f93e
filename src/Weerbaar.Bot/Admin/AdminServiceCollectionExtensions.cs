namespace Weerbaar.Bot.Admin;

public static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AdminPolicy>();
        services.AddSingleton<AdminCards>();
        services.AddSingleton<AdminCoordinator>();
        return services;
    }
}
