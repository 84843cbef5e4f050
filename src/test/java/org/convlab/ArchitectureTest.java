package org.convlab;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.Test;

/**
 * The allowed arrows of docs/architecture.md, checked on the compiled classes (bytecode, so a
 * fully-qualified name in the middle of a method counts as much as an import).
 */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.convlab");

    /** Packages that must run without Spring, Vaadin or JPA: the CLI and the engine use them alone. */
    static final String[] PLAIN = {"org.convlab.model", "org.convlab.dataset", "org.convlab.lesson",
        "org.convlab.lesson.xo", "org.convlab.lesson.softmax", "org.convlab.lesson.architecture",
        "org.convlab.training.engine", "org.convlab.i18n"};

    @Test
    void featuresHaveNoCycles() {
        slices().matching("org.convlab.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void trainingsPartsHaveNoCycles() {
        slices().matching("org.convlab.training.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void mathsDataAndTheEngineKnowNothingOfSpringVaadinOrJpa() {
        noClasses().that().resideInAnyPackage(PLAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..",
                        "jakarta.persistence..", "org.hibernate..", "com.github.kagkarlsson..")
                .check(MAIN);
    }

    @Test
    void theEngineUsesNoOtherPartOfTraining() {
        noClasses().that().resideInAPackage("org.convlab.training.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.convlab.training.queue..",
                        "org.convlab.training.ui..", "org.convlab.training.api..", "org.convlab.account..",
                        "org.convlab.classroom..")
                .check(MAIN);
    }

    @Test
    void theCommandLineUsesOnlyWhatRunsWithoutAServer() {
        noClasses().that().resideInAPackage("org.convlab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.convlab.training.queue..",
                        "org.convlab.training.ui..", "org.convlab.account..", "org.convlab.classroom..",
                        "org.springframework..", "com.vaadin..", "jakarta.persistence..")
                .check(MAIN);
    }

    @Test
    void lowerFeaturesNeverReachUp() {
        noClasses().that().resideInAnyPackage("org.convlab.account..", "org.convlab.training..", "org.convlab.lesson..",
                        "org.convlab.model..", "org.convlab.dataset..", "org.convlab.base..")
                .should().dependOnClassesThat().resideInAPackage("org.convlab.classroom..")
                .check(MAIN);
        noClasses().that().resideInAPackage("org.convlab.account..")
                .should().dependOnClassesThat().resideInAnyPackage("org.convlab.training..", "org.convlab.lesson..",
                        "org.convlab.base..", "org.convlab.model..", "org.convlab.dataset..")
                .check(MAIN);
        noClasses().that().resideInAPackage("org.convlab.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.convlab.account..", "org.convlab.base..",
                        "org.convlab.training..", "org.convlab.classroom..", "org.convlab.lesson..")
                .check(MAIN);
    }

    @Test
    void viewsLiveInUiPackagesAndArePackagePrivate() {
        classes().that().areAnnotatedWith(Route.class)
                .should().resideInAPackage("..ui..")
                .andShould().notBePublic()
                .check(MAIN);
    }

    @Test
    void servicesNeverDependOnViews() {
        noClasses().that(not(resideInAPackage("..ui..")))
                .should().dependOnClassesThat(resideInAPackage("..ui..").and(not(resideInAnyPackage("org.convlab.base.ui"))))
                .orShould().dependOnClassesThat().areAssignableTo(Component.class)
                .check(MAIN);
    }
}
