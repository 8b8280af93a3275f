package org.uei.p2p.node.console;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks a console login (HTTP Basic) against the configured users' bcrypt hashes. Nobody signs in
 * while the console is off.
 */
@ApplicationScoped
public class ConsoleIdentityProvider
    implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

  @Inject ConsoleConfig config;

  @Override
  public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
    return UsernamePasswordAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
    // bcrypt is deliberately slow: off the event loop.
    return context.runBlocking(() -> check(request));
  }

  private SecurityIdentity check(UsernamePasswordAuthenticationRequest request) {
    String name = request.getUsername();
    ConsoleConfig.User user = config.enabled() ? config.users().get(name) : null;
    char[] password = request.getPassword().getPassword();
    boolean ok = PasswordHashes.matches(user == null ? null : user.passwordHash(), password);
    if (!ok || user == null) {
      throw new AuthenticationFailedException("console login refused");
    }
    QuarkusSecurityIdentity.Builder identity =
        QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name));
    ConsoleRoles.of(user.role()).forEach(identity::addRole);
    return identity.build();
  }
}
