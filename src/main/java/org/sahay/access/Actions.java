package org.sahay.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
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
    this(All.ACTIONS.all());
    if (byName.isEmpty()) {
      // A packaging that hides the classes from the scan would otherwise deny every action.
      throw new IllegalStateException("no action found under org.sahay");
    }
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

  /**
   * The constants of every enum under {@code basePackage} that implements {@link Action}, looked
   * for among the classes named {@code ...Action}: reading every class under org.sahay instead took
   * half a second of each start ({@link #scanAll} does, for the test that holds every module to the
   * name).
   */
  public static Collection<Action> scan(String basePackage) {
    String pattern =
        ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX
            + ClassUtils.convertClassNameToResourcePath(basePackage)
            + "/**/*Action.class";
    var resolver = new PathMatchingResourcePatternResolver(Actions.class.getClassLoader());
    var readers = new CachingMetadataReaderFactory(resolver);
    List<Action> actions = new ArrayList<>();
    try {
      for (Resource resource : resolver.getResources(pattern)) {
        String name = readers.getMetadataReader(resource).getClassMetadata().getClassName();
        addIfActionEnum(ClassUtils.resolveClassName(name, Actions.class.getClassLoader()), actions);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the classes under " + basePackage, e);
    }
    return actions;
  }

  /** As {@link #scan}, but reading every class under {@code basePackage}, whatever its name. */
  public static Collection<Action> scanAll(String basePackage) {
    var scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(
              org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
            return definition.getMetadata().isIndependent();
          }
        };
    scanner.addIncludeFilter(new AssignableTypeFilter(Action.class));
    List<Action> actions = new ArrayList<>();
    for (BeanDefinition definition : scanner.findCandidateComponents(basePackage)) {
      addIfActionEnum(
          ClassUtils.resolveClassName(
              definition.getBeanClassName(), Actions.class.getClassLoader()),
          actions);
    }
    return actions;
  }

  private static void addIfActionEnum(Class<?> type, List<Action> actions) {
    if (type.isEnum() && Action.class.isAssignableFrom(type)) {
      Arrays.stream(type.getEnumConstants()).map(Action.class::cast).forEach(actions::add);
    }
  }
}
