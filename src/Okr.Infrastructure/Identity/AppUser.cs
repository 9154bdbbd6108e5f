using Microsoft.AspNetCore.Identity;

namespace Okr.Infrastructure.Identity;

/// <summary>The sign-in identity (ASP.NET Core Identity). Organisation membership lives in <c>Person</c>.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string? DisplayName { get; set; }
}
