package org.sahay.access;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Every action the modules declare (the enums under org.sahay implementing {@link Action}), found
 * once at start: the one policy table, by name. Two modules declaring one name stop the start.
 */
@Component
public class Actions {

  private final Map<String, Action> byName;

  Actions() {
    this(scan("org.sahay"));
  }

  /** The actions of these enums; for tests that build a policy by hand. */
  public Actions(Collection<Action> actions) {
    Map<String, Action> found = new TreeMap<>();
    for (Action action : actions) {
      Action earlier = found.put(action.name(), action);
      if (earlier != null && earlier != action) {
        throw new IllegalStateException("two actions named " + action.name());
      }
    }
    this.byName = Collections.unmodifiableMap(found);
  }

  /** Every module's actions, scanned once: for places that hold action names, not beans. */
  private static final class All {
    static final Actions ACTIONS = new Actions(scan("org.sahay"));
  }

  /**
   * The action of that name among every module's, for code that is not a bean (a signed-in user's
   * grants, kept by name in the session); none for a name no module declares any longer.
   */
  public static Optional<Action> lookup(String name) {
    return All.ACTIONS.named(name);
  }

  /** The action of that name, if a module declares one. */
  public Optional<Action> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every action, by name: the policy table's rows. */
  public Collection<Action> all() {
    return byName.values();
  }

  /** The constants of every enum under {@code basePackage} that implements {@link Action}. */
  public static Collection<Action> scan(String basePackage) {
    var scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(
              org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
            return definition.getMetadata().isIndependent();
          }
        };
    scanner.addIncludeFilter(new AssignableTypeFilter(Action.class));
    java.util.List<Action> actions = new java.util.ArrayList<>();
    for (BeanDefinition definition : scanner.findCandidateComponents(basePackage)) {
      Class<?> type =
          ClassUtils.resolveClassName(
              definition.getBeanClassName(), Actions.class.getClassLoader());
      if (type.isEnum()) {
        Arrays.stream(type.getEnumConstants()).map(Action.class::cast).forEach(actions::add);
      }
    }
    return actions;
  }
}
