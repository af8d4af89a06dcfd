package org.sahay.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's request mappings with one cheap test first. A path with a variable in it ({@code
 * /api/v1/distribution-rounds/{id}/distributions}) has no direct lookup, so Spring tries every one
 * of Sahay's 400 mappings in turn, each asking the request (through a dozen wrappers) for its
 * method, headers and path: measured as about a sixth of the CPU of recording a hand-over. A
 * mapping's patterns all start with a literal part (up to the first variable or wildcard), and a
 * path that starts with none of them cannot match, so it is passed over before any of that; every
 * other mapping is matched exactly as Spring does.
 */
class PrefixedRequestMappings extends RequestMappingHandlerMapping {

  private static final String[] ANY = {""};

  /**
   * The prefixes of each registered mapping, by identity (a mapping's own hash code combines all
   * its conditions: too dear to compute 400 times a request). Written while mappings are
   * registered, at start-up; copied on each write, so reads take no lock.
   */
  private volatile Map<RequestMappingInfo, String[]> prefixes = new IdentityHashMap<>();

  /** The path being looked up by this thread, as Spring matches it. */
  private final ThreadLocal<String> lookingUp = new ThreadLocal<>();

  @Override
  protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
    super.registerHandlerMethod(handler, method, mapping);
    remember(mapping);
  }

  @Override
  public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
    super.registerMapping(mapping, handler, method);
    remember(mapping);
  }

  /** How many mappings have their prefixes known (all of them, once started). */
  int prefixed() {
    return prefixes.size();
  }

  private synchronized void remember(RequestMappingInfo mapping) {
    Map<RequestMappingInfo, String[]> copy = new IdentityHashMap<>(prefixes);
    copy.put(mapping, prefixesOf(mapping));
    prefixes = copy;
  }

  @Override
  protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
      throws Exception {
    String outer = lookingUp.get();
    lookingUp.set(lookupPath);
    try {
      return super.lookupHandlerMethod(lookupPath, request);
    } finally {
      if (outer == null) {
        lookingUp.remove();
      } else {
        lookingUp.set(outer);
      }
    }
  }

  @Override
  protected RequestMappingInfo getMatchingMapping(
      RequestMappingInfo info, HttpServletRequest request) {
    String path = lookingUp.get();
    String[] starts = prefixes.get(info);
    if (path != null && starts != null && !startsWithAny(path, starts)) {
      return null;
    }
    return super.getMatchingMapping(info, request);
  }

  private static boolean startsWithAny(String path, String[] starts) {
    for (String start : starts) {
      if (path.startsWith(start)) {
        return true;
      }
    }
    return false;
  }

  /** The literal start of each of the mapping's patterns; any path may match when it has none. */
  static String[] prefixesOf(RequestMappingInfo info) {
    if (info.getPathPatternsCondition() == null) {
      return ANY;
    }
    var patterns = info.getPathPatternsCondition().getPatternValues();
    if (patterns.isEmpty()) {
      return ANY;
    }
    return patterns.stream().map(PrefixedRequestMappings::literalStart).toArray(String[]::new);
  }

  static String literalStart(String pattern) {
    int end = pattern.length();
    for (char c : new char[] {'{', '*', '?'}) {
      int at = pattern.indexOf(c);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return pattern.substring(0, end);
  }
}
