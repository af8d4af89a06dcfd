package org.sahay.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

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
  private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

  @Override
  protected RequestMappingInfo getMatchingMapping(
      RequestMappingInfo info, HttpServletRequest request) {
    if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
      String path =
          ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
      boolean possible = false;
      for (String prefix : prefixes.computeIfAbsent(info, PrefixedRequestMappings::prefixesOf)) {
        if (path.startsWith(prefix)) {
          possible = true;
          break;
        }
      }
      if (!possible) {
        return null;
      }
    }
    return super.getMatchingMapping(info, request);
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
