package org.sahay.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;

/**
 * The one access policy table, assembled from the actions every module declares: it is written to
 * {@code docs/access-policy.md} (sorted, so it changes only when a rule does), every action is
 * declared once, by one module, and every action named by {@link CheckedBeforeBody} exists.
 */
class AccessPolicyTableTest {

  private final Actions actions = new Actions(Actions.scan("org.sahay"));

  @Test
  void everyModuleContributesItsActionsAndTheTableIsWrittenToDocs() throws IOException {
    Set<String> modules =
        actions.all().stream()
            .map(a -> a.getClass().getPackageName().replace("org.sahay.", ""))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(modules)
        .contains("access", "registry", "forms", "needs", "funds", "relief", "support");
    StringBuilder table = new StringBuilder();
    table.append("# Access policy\n\n");
    table.append(
        "Written by `AccessPolicyTableTest` from the actions each module declares (an enum"
            + " implementing `access.Action`). A cell lists the relations to the target's"
            + " organisation in which the role may act: OWN, MENTORS (a collective it mentors),"
            + " FUNDS (an organisation it funds), NONE (unrelated), GLOBAL (no one"
            + " organisation). Anything else is refused: 404 outside the actor's relations, 403"
            + " inside them. An action marked (grantable) may also be granted by an organisation"
            + " admin to one user of the organisation, for the own organisation only.\n\n");
    table.append("| action | module |");
    for (Role role : Role.values()) {
      table.append(' ').append(role).append(" |");
    }
    table.append("\n| --- | --- |");
    for (Role ignored : Role.values()) {
      table.append(" --- |");
    }
    table.append('\n');
    for (Action action : actions.all()) {
      table
          .append("| ")
          .append(action.name())
          .append(action.grantable() ? " (grantable)" : "")
          .append(" | ")
          .append(action.getClass().getPackageName().replace("org.sahay.", ""))
          .append(" |");
      for (Role role : Role.values()) {
        var relations = action.rules().getOrDefault(role, Set.of());
        table
            .append(' ')
            .append(relations.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")))
            .append(" |");
      }
      table.append('\n');
    }
    Path file = Path.of("docs/access-policy.md");
    String written = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    if (!written.equals(table.toString())) {
      Files.writeString(file, table.toString(), StandardCharsets.UTF_8);
    }
    assertThat(actions.all()).hasSizeGreaterThan(20);
  }

  @Test
  void everyActionCheckedBeforeABodyIsOneAModuleDeclares() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
    List<String> named = new ArrayList<>();
    for (BeanDefinition definition : scanner.findCandidateComponents("org.sahay")) {
      Class<?> type =
          ClassUtils.resolveClassName(definition.getBeanClassName(), getClass().getClassLoader());
      for (Method method : type.getDeclaredMethods()) {
        CheckedBeforeBody checked = method.getAnnotation(CheckedBeforeBody.class);
        if (checked != null) {
          named.add(checked.value());
        }
      }
    }
    assertThat(named).isNotEmpty();
    assertThat(named).allSatisfy(name -> assertThat(actions.named(name)).isPresent());
  }

  @Test
  void theStartFindsEveryActionEnumByItsName() {
    // The start reads only classes named ...Action; an Action enum named otherwise would be missed.
    assertThat(Actions.scan("org.sahay"))
        .containsExactlyInAnyOrderElementsOf(Actions.scanAll("org.sahay"))
        .hasSizeGreaterThan(40);
  }

  @Test
  void twoModulesCannotDeclareOneName() {
    Action copy =
        new Action() {
          @Override
          public String name() {
            return "MEMBER_READ";
          }

          @Override
          public java.util.Map<Role, Set<AccessPolicy.Relation>> rules() {
            return java.util.Map.of();
          }
        };
    List<Action> both = new ArrayList<>(actions.all());
    both.add(copy);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Actions(both))
        .isInstanceOf(IllegalStateException.class);
  }
}
