package com.example.claims;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * This project uses kd-claims as a library: only its public surface (the annotations, the arms
 * and assertions of api, and the architecture SPI), never its engine, so that it keeps working as
 * the engine changes.
 */
class PublicApiOnlyTest {
    private static final JavaClasses OURS = new ClassFileImporter().importPackages("com.example");

    @Test
    void usesOnlyThePublicApiAndTheSpi() {
        noClasses().should().dependOnClassesThat(resideInAPackage("org.kdclaims..").and(resideOutsideOfPackages(
                        "org.kdclaims.annotations..", "org.kdclaims.api..", "org.kdclaims.spi..")))
                .check(OURS);
    }
}
