package org.cove;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.cove.operator.spi.ComputeEngine;
import org.cove.operator.spi.JobInputs;
import org.cove.operator.spi.StageExchange;
import org.cove.shared.LogSafe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of docs/development.md, as sentences. A module's root package is its API; its
 * internal package is nobody else's business. Each test evaluates all its rules and reports every
 * violation, not only the first rule's.
 */
class ArchitectureTest {

  /** module -> the modules it may use: the matrix as the code has it, and no more. */
  static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "shared", Set.of(),
          "identity", Set.of("shared"),
          "ledger", Set.of("shared"),
          "provider", Set.of("shared", "identity", "operator"),
          "operator", Set.of("shared"),
          "engine", Set.of("shared", "operator"),
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
    checkAll(
        ALLOWED.entrySet().stream()
            .map(
                module ->
                    noClasses()
                        .that()
                        .resideInAPackage(inside(module.getKey()))
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                            ALLOWED.keySet().stream()
                                .filter(other -> !other.equals(module.getKey()))
                                .filter(other -> !module.getValue().contains(other))
                                .map(ArchitectureTest::inside)
                                .toArray(String[]::new))
                        .allowEmptyShould(true)
                        .as(module.getKey() + " uses only " + module.getValue())));
  }

  @Test
  void no_module_reaches_into_another_modules_internals() {
    checkAll(
        ALLOWED.keySet().stream()
            .map(
                module ->
                    noClasses()
                        .that()
                        .resideOutsideOfPackage(inside(module))
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage("org.cove." + module + ".internal..")
                        .allowEmptyShould(true)
                        .as("only " + module + " uses " + module + ".internal")));
  }

  @Test
  void modules_and_their_rooms_are_free_of_cycles() {
    checkAll(
        Stream.of(
            slices().matching("org.cove.(*)..").should().beFreeOfCycles(),
            slices()
                .matching("org.cove.engine.internal.(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true),
            slices()
                .matching("org.cove.provider.internal.(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)));
  }

  @Test
  void the_engines_local_and_kubernetes_rooms_never_use_each_other() {
    checkAll(
        Stream.of(
            noClasses()
                .that()
                .resideInAPackage("org.cove.engine.internal.local..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.cove.engine.internal.kubernetes..")
                .allowEmptyShould(true),
            noClasses()
                .that()
                .resideInAPackage("org.cove.engine.internal.kubernetes..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.cove.engine.internal.local..")
                .allowEmptyShould(true),
            noClasses()
                .that()
                .resideInAPackage("org.cove.engine.internal.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                    "org.cove.engine.internal.local..", "org.cove.engine.internal.kubernetes..")
                .allowEmptyShould(true)
                .as("the engine's core knows no backend")));
  }

  /**
   * Engines implement the operator's SPI and only the operator calls the engine; the provider
   * supplies inputs to the engine; the stage pods' HTTP exchange is carried by the API to the
   * engine.
   */
  @Test
  void the_operator_spi_is_implemented_by_the_engine_and_called_by_the_operator() {
    checkAll(
        Stream.of(
            classes()
                .that()
                .implement(ComputeEngine.class)
                .or()
                .implement(StageExchange.class)
                .should()
                .resideInAPackage(inside("engine")),
            classes()
                .that()
                .implement(JobInputs.class)
                .should()
                .resideInAnyPackage(inside("provider"), inside("engine"))
                .because("the provider supplies inputs, which the engine looks up at first use"),
            noClasses()
                .that()
                .resideOutsideOfPackages("org.cove.operator.internal..", inside("engine"))
                .and(not(assignableTo(ComputeEngine.class)))
                .should()
                .dependOnClassesThat()
                .areAssignableTo(ComputeEngine.class)
                .as("only the operator's registry and the engine use ComputeEngine"),
            noClasses()
                .that()
                .resideOutsideOfPackages(inside("engine"), inside("provider"))
                .should()
                .dependOnClassesThat()
                .areAssignableTo(JobInputs.class)
                .as("only the engine and the provider use JobInputs"),
            noClasses()
                .that()
                .resideOutsideOfPackages(inside("engine"), "org.cove.api..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(StageExchange.class)
                .as("only the engine and the API's stage endpoints use StageExchange")));
  }

  @Test
  void each_framework_stays_in_its_module() {
    checkAll(
        Stream.of(
            only("org.cove.api..", "jakarta.ws.rs.."),
            only("org.cove.portal..", "com.vaadin.."),
            noClasses()
                .that()
                .resideOutsideOfPackages("org.cove.identity..", "org.cove.provider..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.web3j.."),
            only("org.cove.engine.internal.kubernetes..", "io.fabric8..").allowEmptyShould(true),
            noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                    "com.ibm..",
                    "io.openliberty..",
                    "fish.payara..",
                    "org.glassfish.jersey..",
                    "org.jboss.resteasy..",
                    "org.jboss.weld..")
                .as("no class uses an application server's own API: the WAR is server-neutral")));
  }

  @Test
  void the_api_and_the_portal_keep_no_persistence_and_no_transactions() {
    checkAll(
        Stream.of(
            noClasses()
                .that()
                .resideInAnyPackage("org.cove.api..", "org.cove.portal..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "jakarta.transaction..")));
  }

  @Test
  void module_apis_never_expose_jpa_entities() {
    checkAll(
        Stream.of(
            noClasses()
                .that()
                .resideInAnyPackage(
                    ALLOWED.keySet().stream()
                        .flatMap(m -> Stream.of("org.cove." + m, "org.cove." + m + ".spi"))
                        .toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(jakarta.persistence.Entity.class)));
  }

  /** Exception messages name files and URLs; {@link LogSafe#log} is the one way to log them. */
  @Test
  void only_log_safe_hands_a_logger_an_exception() {
    checkAll(
        Stream.of(
            noClasses()
                .that()
                .doNotHaveFullyQualifiedName(LogSafe.class.getName())
                .should()
                .callMethodWhere(handingOverAThrowable())
                .as("exceptions reach the log only through LogSafe.log, which redacts them")));
  }

  private static DescribedPredicate<JavaMethodCall> handingOverAThrowable() {
    return DescribedPredicate.describe(
        "a java.util.logging method given a Throwable",
        call ->
            (call.getTargetOwner().isAssignableTo(Logger.class)
                    || call.getTargetOwner().isAssignableTo(LogRecord.class))
                && call.getTarget().getRawParameterTypes().stream()
                    .anyMatch(type -> type.isAssignableTo(Throwable.class)));
  }

  @Test
  void the_checks_report_every_violation_not_only_the_first() {
    ArchRule passes = noClasses().should().dependOnClassesThat(resideInAPackage("nowhere.."));
    ArchRule fails1 =
        noClasses()
            .that()
            .resideInAPackage("org.cove.api..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.cove.shared..");
    ArchRule fails2 =
        noClasses()
            .that()
            .resideInAPackage("org.cove.portal..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.cove.shared..");
    List<String> failures = failuresOf(Stream.of(passes, fails1, fails2));
    assertThat(failures).hasSize(2);
  }

  private static ArchRule only(String module, String framework) {
    return noClasses()
        .that()
        .resideOutsideOfPackage(module)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(framework);
  }

  private static String inside(String module) {
    return "org.cove." + module + "..";
  }

  private static void checkAll(Stream<ArchRule> rules) {
    List<String> failures = failuresOf(rules);
    assertThat(failures).as("architecture violations").isEmpty();
  }

  private static List<String> failuresOf(Stream<ArchRule> rules) {
    return rules
        .map(rule -> rule.evaluate(classes))
        .filter(EvaluationResult::hasViolation)
        .map(result -> result.getFailureReport().toString())
        .toList();
  }
}
