using Mediator;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Organizations;

namespace Okr.Application.Common.Behaviours;

/// <summary>
/// Every request is authorised here, so REST and GraphQL cannot differ: signed in, an active member of an
/// organisation (unless the request says otherwise), admin where required, then the request's own authorisers.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser user, IEnumerable<IRequestAuthorizer<TMessage>> authorizers)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IAnonymousRequest)
        {
            if (!user.IsAuthenticated)
                throw new UnauthenticatedException("Sign in to do this.");
            if (message is not IUserRequest)
            {
                if (user.OrganizationId is null || user.PersonId is null)
                    throw new ForbiddenException("You do not belong to an organisation yet: create one or accept an invitation.");
                if (message is IAdminRequest && !user.IsAdmin)
                    throw new ForbiddenException("Only an organisation admin can do this.");
            }
            AuthorizeServiceAccount(message);
        }

        foreach (var authorizer in authorizers)
            await authorizer.AuthorizeAsync(message, cancellationToken);

        return await next(message, cancellationToken);
    }

    /// <summary>
    /// An API key has its service account's scope and no more (ADR 0027): a read-only key sends no command, a check-in
    /// writer only check-ins (where, the request's own authoriser decides, as for a lead of its unit).
    /// </summary>
    private void AuthorizeServiceAccount(TMessage message)
    {
        if (user.ServiceAccountScope is not { } scope || message is not IBaseCommand)
            return;
        if (scope == ServiceAccountScope.ReadOnly)
            throw new ForbiddenException("This API key is read-only.");
        if (scope == ServiceAccountScope.CheckInWriter && message is not ICheckInWriterRequest)
            throw new ForbiddenException("This API key may only record check-ins.");
    }
}
