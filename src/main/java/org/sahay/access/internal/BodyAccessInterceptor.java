package org.sahay.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Action;
import org.sahay.access.Actions;
import org.sahay.access.Actor;
import org.sahay.access.CheckedBeforeBody;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Runs {@link CheckedBeforeBody} after the route is known and before the arguments are resolved,
 * that is before the JSON is read or the multipart parts are parsed (multipart resolution is lazy).
 */
class BodyAccessInterceptor implements HandlerInterceptor {

  private final AccessPolicy policy;
  private final Actions actions;

  BodyAccessInterceptor(AccessPolicy policy, Actions actions) {
    this.policy = policy;
    this.actions = actions;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    CheckedBeforeBody required = method.getMethodAnnotation(CheckedBeforeBody.class);
    if (required == null) {
      return true;
    }
    Actor actor = actor(request);
    Action action =
        actions
            .named(required.value())
            .orElseThrow(() -> new IllegalStateException("no action " + required.value()));
    if (actor == null
        || actor.organisation() == null
        || !policy.permits(actor, action, actor.organisation())) {
      throw new AccessDeniedException("not permitted before the body is read");
    }
    return true;
  }

  private static Actor actor(HttpServletRequest request) {
    if (request.getAttribute(SessionGuardFilter.ACTOR) instanceof Actor fresh) {
      return fresh;
    }
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof SahayPrincipal principal
        ? principal.actor()
        : null;
  }
}
