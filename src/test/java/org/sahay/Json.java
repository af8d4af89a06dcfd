package org.sahay;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;

/** What a JSON answer holds at a JsonPath, for assertions on values rather than on text. */
public final class Json {

  private Json() {}

  public static String text(String json, String path) {
    return JsonPath.read(json, path);
  }

  public static long number(String json, String path) {
    return ((Number) JsonPath.read(json, path)).longValue();
  }

  public static boolean flag(String json, String path) {
    return JsonPath.<Boolean>read(json, path);
  }

  public static List<Object> list(String json, String path) {
    return JsonPath.read(json, path);
  }

  public static Map<String, Object> object(String json, String path) {
    return JsonPath.read(json, path);
  }
}
