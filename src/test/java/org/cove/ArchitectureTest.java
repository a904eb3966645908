package org.cove;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/architecture.md, as sentences. A module's root package is its API;
 * its internal package is nobody else's business.
 */
class ArchitectureTest {

  /** module -> the modules it may use. */
  static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "shared", Set.of(),
          "identity", Set.of("shared"),
          "ledger", Set.of("shared"),
          "provider", Set.of("shared", "identity", "ledger", "operator"),
          "operator", Set.of("shared", "ledger"),
          "engine", Set.of("shared", "ledger", "operator"),
          "api", Set.of("shared", "identity", "ledger", "provider", "operator"),
          "portal", Set.of("shared", "identity", "ledger", "provider", "operator"));

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cove");
  }

  @Test
  void modules_use_only_the_modules_they_are_allowed_to() {
    ALLOWED.forEach(
        (module, allowed) -> {
          List<String> forbidden =
              ALLOWED.keySet().stream()
                  .filter(other -> !other.equals(module) && !allowed.contains(other))
                  .map(other -> "org.cove." + other + "..")
                  .collect(Collectors.toList());
          noClasses()
              .that()
              .resideInAPackage("org.cove." + module + "..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(forbidden.toArray(String[]::new))
              .allowEmptyShould(true)
              .as(module + " uses only " + allowed)
              .check(classes);
        });
  }

  @Test
  void no_module_reaches_into_another_modules_internals() {
    for (String module : ALLOWED.keySet()) {
      noClasses()
          .that()
          .resideOutsideOfPackage("org.cove." + module + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.cove." + module + ".internal..")
          .allowEmptyShould(true)
          .as("only " + module + " uses " + module + ".internal")
          .check(classes);
    }
  }

  @Test
  void only_the_api_speaks_jax_rs() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.cove.api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jakarta.ws.rs..")
        .check(classes);
  }

  @Test
  void only_the_portal_uses_vaadin() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.cove.portal..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.vaadin..")
        .check(classes);
  }

  @Test
  void only_identity_and_provider_use_web3j() {
    noClasses()
        .that()
        .resideOutsideOfPackages("org.cove.identity..", "org.cove.provider..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.web3j..")
        .check(classes);
  }

  @Test
  void only_the_engine_uses_fabric8() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.cove.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.fabric8..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void module_apis_never_expose_jpa_entities() {
    noClasses()
        .that()
        .resideInAnyPackage(
            ALLOWED.keySet().stream().map(m -> "org.cove." + m).toArray(String[]::new))
        .should()
        .dependOnClassesThat()
        .areAnnotatedWith(jakarta.persistence.Entity.class)
        .check(classes);
  }
}
